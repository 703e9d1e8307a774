package org.lotkeeper.web.screens.adjustments;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * One row of the lines table as the user filled it in: an existing lot or a new lot, the
 * quantity, the unit cost and the type's line fields by name.
 */
public class LineForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String lotId;
    private String newLotProduct;
    private String newLotCode;
    private String newLotLocation;
    private String newLotExpiry;
    private String quantity;
    private String unitCost;
    private final HashMap<String, Object> fields = new HashMap<>();

    /** Returns whether nothing was entered in this row, so it is left out of the request. */
    public boolean isBlank() {
        return isBlank(lotId) && isBlank(newLotProduct) && isBlank(newLotCode) && isBlank(newLotLocation)
                && isBlank(newLotExpiry) && isBlank(quantity) && isBlank(unitCost)
                && fields.values().stream().allMatch(value -> value == null || isBlank(value.toString()));
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Returns the lot id as typed; {@link AdjustmentForm} reads it as a number. */
    public String getLotId() {
        return lotId;
    }

    public void setLotId(String lotId) {
        this.lotId = lotId;
    }

    public String getNewLotProduct() {
        return newLotProduct;
    }

    public void setNewLotProduct(String newLotProduct) {
        this.newLotProduct = newLotProduct;
    }

    public String getNewLotCode() {
        return newLotCode;
    }

    public void setNewLotCode(String newLotCode) {
        this.newLotCode = newLotCode;
    }

    public String getNewLotLocation() {
        return newLotLocation;
    }

    public void setNewLotLocation(String newLotLocation) {
        this.newLotLocation = newLotLocation;
    }

    /** Returns the new lot's last day of use as entered, in ISO format ({@code 2025-03-31}). */
    public String getNewLotExpiry() {
        return newLotExpiry;
    }

    public void setNewLotExpiry(String newLotExpiry) {
        this.newLotExpiry = newLotExpiry;
    }

    /** Returns the quantity as typed, kept as text so that a value that is no number stays in its input. */
    public String getQuantity() {
        return quantity;
    }

    public void setQuantity(String quantity) {
        this.quantity = quantity;
    }

    public String getUnitCost() {
        return unitCost;
    }

    public void setUnitCost(String unitCost) {
        this.unitCost = unitCost;
    }

    /** Returns the line field values by field name, as the inputs store them (text, or a Boolean for a checkbox). */
    public Map<String, Object> getFields() {
        return fields;
    }
}

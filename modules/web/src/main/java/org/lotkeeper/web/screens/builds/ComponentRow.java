package org.lotkeeper.web.screens.builds;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a planned build: what the build needs, what usable stock there is, and the
 * lots the build would consume. The user may replace the suggested lots with one chosen lot.
 */
public class ComponentRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String sku;
    private final String name;
    private final String unit;
    private final BigDecimal quantityPerUnit;
    private final BigDecimal needed;
    private final BigDecimal available;
    private final List<LotChoice> usableLots;
    private final List<LotPick> picks;
    private Long chosenLotId;

    /**
     * A lot the build may consume.
     *
     * @param lotId    the lot's id
     * @param label    lot code, location and expiry, for the menu
     * @param quantity the lot's quantity
     */
    public record LotChoice(long lotId, String label, BigDecimal quantity) implements Serializable {
    }

    /**
     * A quantity the build would take from a lot.
     *
     * @param lotId    the lot's id
     * @param label    lot code, location and expiry
     * @param quantity quantity taken
     */
    public record LotPick(long lotId, String label, BigDecimal quantity) implements Serializable {
    }

    ComponentRow(String sku, String name, String unit, BigDecimal quantityPerUnit, BigDecimal needed,
                 BigDecimal available, List<LotChoice> usableLots, List<LotPick> picks, Long chosenLotId) {
        this.sku = sku;
        this.name = name;
        this.unit = unit;
        this.quantityPerUnit = quantityPerUnit;
        this.needed = needed;
        this.available = available;
        this.usableLots = List.copyOf(usableLots);
        this.picks = List.copyOf(picks);
        this.chosenLotId = chosenLotId;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getQuantityPerUnit() {
        return quantityPerUnit;
    }

    /** Returns the quantity per unit times the number of units built. */
    public BigDecimal getNeeded() {
        return needed;
    }

    /** Returns the stock of the component in lots that are not expired on the build's date. */
    public BigDecimal getAvailable() {
        return available;
    }

    /** Returns the usable lots, in the order first-expiry-first-out takes them. */
    public List<LotChoice> getUsableLots() {
        return usableLots;
    }

    /** Returns the lots the build would consume; empty when stock is short. */
    public List<LotPick> getPicks() {
        return picks;
    }

    /** Returns the lot the user chose, or {@code null} for first-expiry-first-out. */
    public Long getChosenLotId() {
        return chosenLotId;
    }

    public void setChosenLotId(Long chosenLotId) {
        this.chosenLotId = chosenLotId;
    }

    /** Returns how much is missing: in usable stock, or in the chosen lot. */
    public BigDecimal getShortage() {
        BigDecimal offered = chosenLotId == null ? available : usableLots.stream()
                .filter(lot -> lot.lotId() == chosenLotId).map(LotChoice::quantity).findFirst().orElse(BigDecimal.ZERO);
        return needed.subtract(offered).max(BigDecimal.ZERO);
    }

    public boolean isShortOfStock() {
        return getShortage().signum() > 0;
    }
}

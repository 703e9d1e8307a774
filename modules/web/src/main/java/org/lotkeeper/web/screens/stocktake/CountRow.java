package org.lotkeeper.web.screens.stocktake;

import java.io.Serializable;
import java.math.BigDecimal;

import org.lotkeeper.core.stocktake.CountLine;
import org.lotkeeper.core.stocktake.Resolution;

/**
 * One lot of a count sheet on the count screen: what is known about it, and what the counter
 * enters (a further count and, for a lot that moved after its snapshot, a resolution).
 */
public class CountRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long lotId;
    private final String product;
    private final String lotCode;
    private final String unit;
    private final BigDecimal snapshot;
    private final BigDecimal counted;
    private String newCount;
    private Resolution resolution;

    /**
     * @param showSnapshot whether the user may see the frozen system quantity; not on a blind
     *                     sheet unless the user is an admin
     */
    CountRow(CountLine line, boolean showSnapshot) {
        this.lotId = line.getLot().getId();
        this.product = line.getLot().getProduct().getSku();
        this.lotCode = line.getLot().getCode();
        this.unit = line.getLot().getProduct().getUnit();
        this.snapshot = showSnapshot ? line.getSnapshotQuantity() : null;
        this.counted = line.counted();
    }

    public long getLotId() {
        return lotId;
    }

    public String getProduct() {
        return product;
    }

    public String getLotCode() {
        return lotCode;
    }

    public String getUnit() {
        return unit;
    }

    /** Returns the frozen system quantity, or {@code null} when the user may not see it. */
    public BigDecimal getSnapshot() {
        return snapshot;
    }

    /** Returns the sum of the counts entered so far, or {@code null} when the lot is not counted yet. */
    public BigDecimal getCounted() {
        return counted;
    }

    /**
     * Returns the count being entered now, as typed; it is added to the earlier counts of the
     * lot. It is kept as text so that a value that is no number stays in its input.
     */
    public String getNewCount() {
        return newCount;
    }

    public void setNewCount(String newCount) {
        this.newCount = newCount;
    }

    public Resolution getResolution() {
        return resolution;
    }

    public void setResolution(Resolution resolution) {
        this.resolution = resolution;
    }
}

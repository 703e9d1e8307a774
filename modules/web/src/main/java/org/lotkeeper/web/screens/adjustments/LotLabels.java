package org.lotkeeper.web.screens.adjustments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.lots.LotService;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/** Describes lots for people: product sku, lot code and location. */
@ApplicationScoped
public class LotLabels {

    @Inject
    LotService lots;

    /**
     * Returns {@code SKU CODE at LOCATION}, or "new lot" for an id that does not exist, such as a
     * lot that a preview would create and then rolled back.
     */
    public String labelOf(long lotId) {
        try {
            Lot lot = lots.find(lotId);
            return lot.getProduct().getSku() + " " + lot.getCode() + " at " + lot.getLocation().getCode();
        } catch (BusinessException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return "new lot";
            }
            throw e;
        }
    }
}

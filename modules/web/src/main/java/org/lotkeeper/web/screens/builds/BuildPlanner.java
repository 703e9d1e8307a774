package org.lotkeeper.web.screens.builds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lotkeeper.api.FirstExpiryFirstOut;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.core.catalog.BomEntry;
import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.lots.LotFilter;
import org.lotkeeper.core.lots.LotOrder;
import org.lotkeeper.core.lots.LotService;

/**
 * Plans a build for the screen: the bill of materials with each component's need, usable stock
 * and suggested lots. The suggestions come from {@link FirstExpiryFirstOut}, the same rule the
 * assembly build type applies when it posts, so the lots shown are the lots a post consumes.
 * Planning reads only; the preview and the post go through the adjustment service.
 */
@ApplicationScoped
public class BuildPlanner {

    /**
     * Maximum lots with stock read per component.
     * NOTE: a component with more lots than this shows only the first ones by expiry, so the
     * screen's available quantity can be lower than the type's.
     */
    static final int MAX_LOTS = 500;

    @Inject
    CatalogService catalog;

    @Inject
    LotService lots;

    /**
     * Returns one row per component of the assembly, in bill-of-materials order, with a
     * repeated component added up into one row.
     *
     * @param chosenLots lot chosen by the user per component sku; other components get suggestions
     */
    public List<ComponentRow> plan(String assemblySku, BigDecimal quantity, LocalDate date,
                                   Map<String, Long> chosenLots) {
        Map<String, BigDecimal> perUnit = new LinkedHashMap<>();
        Map<String, Product> components = new LinkedHashMap<>();
        for (BomEntry entry : catalog.billOfMaterials(assemblySku)) {
            Product component = entry.getComponent();
            components.put(component.getSku(), component);
            perUnit.merge(component.getSku(), entry.getQuantityPerUnit(), BigDecimal::add);
        }
        List<ComponentRow> rows = new ArrayList<>();
        for (Product component : components.values()) {
            BigDecimal quantityPerUnit = perUnit.get(component.getSku()).stripTrailingZeros();
            rows.add(row(component, quantityPerUnit, quantityPerUnit.multiply(quantity), date,
                    chosenLots.get(component.getSku())));
        }
        return rows;
    }

    private ComponentRow row(Product component, BigDecimal quantityPerUnit, BigDecimal needed, LocalDate date,
                             Long chosenLotId) {
        List<Lot> withStock = lots.list(new LotFilter(component.getSku(), null, null, null, null, true),
                new LotOrder(LotOrder.Field.EXPIRY, true), 0, MAX_LOTS);
        Map<Long, Lot> byId = new LinkedHashMap<>();
        List<LotInfo> infos = new ArrayList<>();
        for (Lot lot : withStock) {
            byId.put(lot.getId(), lot);
            infos.add(lot.toInfo());
        }

        List<ComponentRow.LotChoice> usable = new ArrayList<>();
        BigDecimal available = BigDecimal.ZERO;
        for (LotInfo info : FirstExpiryFirstOut.usableLots(infos, date)) {
            usable.add(new ComponentRow.LotChoice(info.id(), label(byId.get(info.id())), info.quantity()));
            available = available.add(info.quantity());
        }
        boolean chosenIsUsable = chosenLotId != null && usable.stream().anyMatch(lot -> lot.lotId() == chosenLotId);
        Long chosen = chosenIsUsable ? chosenLotId : null;

        List<ComponentRow.LotPick> picks = new ArrayList<>();
        if (chosen != null) {
            picks.add(new ComponentRow.LotPick(chosen, label(byId.get(chosen)), needed));
        } else if (needed.signum() > 0) {
            for (FirstExpiryFirstOut.Pick pick : FirstExpiryFirstOut.allocate(infos, needed, date).picks()) {
                picks.add(new ComponentRow.LotPick(pick.lot().id(), label(byId.get(pick.lot().id())), pick.quantity()));
            }
        }
        return new ComponentRow(component.getSku(), component.getName(), component.getUnit(), quantityPerUnit,
                needed.stripTrailingZeros(), available, usable, picks, chosen);
    }

    /** Returns {@code CODE at LOCATION}, with the last day of use when the lot has one. */
    static String label(Lot lot) {
        String label = lot.getCode() + " at " + lot.getLocation().getCode();
        return lot.getExpiry() == null ? label : label + ", use by " + lot.getExpiry();
    }
}

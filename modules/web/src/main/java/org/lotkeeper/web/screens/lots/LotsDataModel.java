package org.lotkeeper.web.screens.lots;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.io.Serializable;
import java.util.function.Supplier;

import org.lotkeeper.api.Expiry;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.lots.LotFilter;
import org.lotkeeper.core.lots.LotOrder;
import org.lotkeeper.core.lots.LotService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Lots loaded one page at a time: the table requests the number of matching lots and for the
 * rows of the page it shows, so the list stays quick however many lots there are. The column
 * filters {@code product}, {@code location} and {@code code} match exactly and narrow the base
 * filter that the screen supplies.
 */
public class LotsDataModel extends LazyDataModel<Lot> {

    private static final long serialVersionUID = 1L;

    private final LotService lots;
    private final BaseFilter baseFilter;
    private final LotOrder defaultOrder;

    /** Supplies the screen's own filter each time the table loads, so its options take effect at once. */
    @FunctionalInterface
    public interface BaseFilter extends Supplier<LotFilter>, Serializable {
    }

    public LotsDataModel(LotService lots, BaseFilter baseFilter, LotOrder defaultOrder) {
        this.lots = lots;
        this.baseFilter = baseFilter;
        this.defaultOrder = defaultOrder;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, lots.count(filter(filterBy)));
    }

    @Override
    public List<Lot> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return lots.list(filter(filterBy), order(sortBy), first, pageSize);
    }

    @Override
    public String getRowKey(Lot lot) {
        return lot.getId().toString();
    }

    @Override
    public Lot getRowData(String rowKey) {
        return lots.find(Long.parseLong(rowKey));
    }

    /** Returns the CSS class that marks a row as expired or expiring within {@code soonDays}. */
    public static String rowClass(Lot lot, LocalDate today, int soonDays) {
        if (lot.getExpiry() == null) {
            return "";
        }
        if (Expiry.isExpired(lot.getExpiry(), today)) {
            return "lot-expired";
        }
        return lot.getExpiry().isAfter(today.plusDays(soonDays)) ? "" : "lot-expiring";
    }

    private LotFilter filter(Map<String, FilterMeta> filterBy) {
        LotFilter base = baseFilter.get();
        return new LotFilter(
                text(filterBy, "product", base.productSku()),
                text(filterBy, "location", base.locationCode()),
                text(filterBy, "code", base.code()),
                base.expiresBefore(), base.expiredOn(), base.withStock());
    }

    private static String text(Map<String, FilterMeta> filterBy, String field, String fallback) {
        FilterMeta meta = filterBy == null ? null : filterBy.get(field);
        Object value = meta == null ? null : meta.getFilterValue();
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        return value.toString().strip();
    }

    private LotOrder order(Map<String, SortMeta> sortBy) {
        if (sortBy == null || sortBy.isEmpty()) {
            return defaultOrder;
        }
        SortMeta sort = sortBy.values().iterator().next();
        if (sort.getOrder() == SortOrder.UNSORTED) {
            return defaultOrder;
        }
        LotOrder.Field field = switch (sort.getField()) {
            case "product" -> LotOrder.Field.PRODUCT;
            case "location" -> LotOrder.Field.LOCATION;
            case "code" -> LotOrder.Field.CODE;
            case "expiry" -> LotOrder.Field.EXPIRY;
            case "quantity" -> LotOrder.Field.QUANTITY;
            case "value" -> LotOrder.Field.VALUE;
            default -> LotOrder.Field.ID;
        };
        return new LotOrder(field, sort.getOrder() == SortOrder.ASCENDING);
    }
}

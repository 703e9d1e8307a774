package org.lotkeeper.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.api.BomLine;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.StockView;

/**
 * A {@link StockView} held in memory. Products, locations and lots are added with the fluent
 * methods; lot ids are handed out from 1 in the order lots are added.
 *
 * <pre>{@code
 * InMemoryStock stock = new InMemoryStock(LocalDate.of(2025, 9, 1))
 *         .product("H", "pcs", 0)
 *         .location("L1");
 * long h1 = stock.lot("H", "H1", "L1", LocalDate.of(2025, 8, 1), "14", "1.00");
 * }</pre>
 */
public final class InMemoryStock implements StockView {

    private final LocalDate date;
    private final Map<String, ProductInfo> products = new LinkedHashMap<>();
    private final Set<String> locations = new HashSet<>();
    private final Map<Long, LotInfo> lots = new LinkedHashMap<>();
    private final List<BomLine> boms = new ArrayList<>();
    private final Set<String> usedSerials = new HashSet<>();

    /** Creates an empty view whose business date is {@code date}. */
    public InMemoryStock(LocalDate date) {
        this.date = date;
    }

    /** Adds a lot-tracked product. */
    public InMemoryStock product(String sku, String unit, int decimals) {
        products.put(sku, new ProductInfo(sku, sku, unit, decimals, ProductInfo.Tracking.LOT, false));
        return this;
    }

    /** Adds a product with every attribute given. */
    public InMemoryStock product(ProductInfo product) {
        products.put(product.sku(), product);
        return this;
    }

    /** Adds a location. */
    public InMemoryStock location(String code) {
        locations.add(code);
        return this;
    }

    /** Adds a bill-of-materials line. */
    public InMemoryStock bom(String assemblySku, String componentSku, String quantityPerUnit) {
        boms.add(new BomLine(assemblySku, componentSku, new BigDecimal(quantityPerUnit)));
        return this;
    }

    /**
     * Adds a lot and returns its id. The value is quantity times unit cost in cents; a
     * {@code null} unit cost makes a lot without a recorded cost and zero value.
     */
    public long lot(String sku, String code, String location, LocalDate expiry, String quantity, String unitCost) {
        long id = lots.size() + 1L;
        BigDecimal qty = new BigDecimal(quantity);
        BigDecimal cost = unitCost == null ? null : new BigDecimal(unitCost);
        BigDecimal value = cost == null ? BigDecimal.ZERO.setScale(2)
                : qty.multiply(cost).setScale(2, RoundingMode.HALF_UP);
        lots.put(id, new LotInfo(id, sku, code, location, expiry, qty, value, cost, "ok"));
        usedSerials.add(sku + "\u0000" + code);
        locations.add(location);
        return id;
    }

    /**
     * Sets the recorded value of a lot, for lots whose value is not quantity times unit cost
     * rounded to cents, such as one left with 1.00 after three removals at 0.3333.
     */
    public InMemoryStock lotValue(long lotId, String value) {
        LotInfo lot = lot(lotId).orElseThrow(() -> new IllegalArgumentException("No lot has id " + lotId));
        lots.put(lotId, new LotInfo(lot.id(), lot.productSku(), lot.code(), lot.locationCode(), lot.expiry(),
                lot.quantity(), new BigDecimal(value), lot.unitCost(), lot.condition()));
        return this;
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public Optional<ProductInfo> product(String sku) {
        return Optional.ofNullable(products.get(sku));
    }

    @Override
    public boolean locationExists(String code) {
        return locations.contains(code);
    }

    @Override
    public Optional<LotInfo> lot(long id) {
        return Optional.ofNullable(lots.get(id));
    }

    @Override
    public Optional<LotInfo> lot(String productSku, String code, String locationCode) {
        return lots.values().stream()
                .filter(l -> l.productSku().equals(productSku) && l.code().equals(code)
                        && l.locationCode().equals(locationCode))
                .findFirst();
    }

    @Override
    public List<LotInfo> lotsOf(String productSku) {
        return lots.values().stream().filter(l -> l.productSku().equals(productSku)).toList();
    }

    @Override
    public List<BomLine> billOfMaterials(String assemblySku) {
        return boms.stream().filter(b -> b.assemblySku().equals(assemblySku)).toList();
    }

    @Override
    public boolean serialUsed(String productSku, String serial) {
        return usedSerials.contains(productSku + "\u0000" + serial);
    }
}

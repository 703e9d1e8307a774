package org.lotkeeper.core.plugins;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;

import org.lotkeeper.core.support.Decimals;
import org.lotkeeper.api.BomLine;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.StockView;
import org.lotkeeper.core.catalog.BomEntry;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.lots.Lot;

/**
 * A {@link StockView} read from the database, with balances as of an instant: a lot's current
 * balance minus the entries that take effect after that instant.
 */
public final class LedgerStockView implements StockView {

    private final EntityManager em;
    private final Instant asOf;
    private final LocalDate date;
    private final Map<Long, LotInfo> lots = new HashMap<>();

    public LedgerStockView(EntityManager em, Instant asOf, LocalDate date) {
        this.em = em;
        this.asOf = asOf;
        this.date = date;
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public Optional<ProductInfo> product(String sku) {
        return productEntity(sku).map(Product::toInfo);
    }

    @Override
    public boolean locationExists(String code) {
        return !query("SELECT l.id FROM Location l WHERE l.code = :code", Long.class)
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public Optional<LotInfo> lot(long id) {
        LotInfo cached = lots.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(em.find(Lot.class, id)).map(this::info);
    }

    @Override
    public Optional<LotInfo> lot(String productSku, String code, String locationCode) {
        return query("SELECT l FROM Lot l WHERE l.product.sku = :sku AND l.code = :code"
                        + " AND l.location.code = :location", Lot.class)
                .setParameter("sku", productSku)
                .setParameter("code", code)
                .setParameter("location", locationCode)
                .getResultStream().findFirst().map(this::info);
    }

    /**
     * Reads the lots as plain values, not as managed entities. An assembly build reads every lot
     * of each of its components, and managed lots would join the persistence context that each
     * later flush of the posting compares object by object.
     */
    @Override
    public List<LotInfo> lotsOf(String productSku) {
        List<Object[]> rows = query("SELECT l.id, l.code, c.code, l.expiry, l.quantity, l.value, l.unitCost,"
                + " l.condition, l.lastEffectiveAt FROM Lot l JOIN l.location c WHERE l.product.sku = :sku"
                + " ORDER BY l.id", Object[].class)
                .setParameter("sku", productSku)
                .getResultList();
        return rows.stream().map(row -> lots.computeIfAbsent((Long) row[0], id -> info(productSku, row))).toList();
    }

    /** Returns a lot read by {@link #lotsOf} as of this view's time, as {@link Lot#toInfo} shows it. */
    private LotInfo info(String productSku, Object[] row) {
        long id = (Long) row[0];
        BigDecimal quantity = (BigDecimal) row[4];
        BigDecimal value = (BigDecimal) row[5];
        Instant lastEffectiveAt = (Instant) row[8];
        if (lastEffectiveAt != null && lastEffectiveAt.isAfter(asOf)) {
            Object[] later = laterSums(id);
            quantity = quantity.subtract(Decimals.of(later[0]));
            value = value.subtract(Decimals.of(later[1]));
        }
        return new LotInfo(id, productSku, (String) row[1], (String) row[2], (LocalDate) row[3],
                quantity.stripTrailingZeros(), value, (BigDecimal) row[6], (String) row[7]);
    }

    @Override
    public List<BomLine> billOfMaterials(String assemblySku) {
        return query("SELECT b FROM BomEntry b WHERE b.assembly.sku = :sku ORDER BY b.id", BomEntry.class)
                .setParameter("sku", assemblySku)
                .getResultStream().map(BomEntry::toLine).toList();
    }

    @Override
    public boolean serialUsed(String productSku, String serial) {
        Optional<Product> product = productEntity(productSku);
        if (product.isEmpty()) {
            return false;
        }
        Long claims = query("SELECT COUNT(c) FROM SerialClaim c WHERE c.productId = :product"
                        + " AND c.serialCode = :serial", Long.class)
                .setParameter("product", product.get().getId())
                .setParameter("serial", serial)
                .getSingleResult();
        return claims > 0;
    }

    /** Returns the location entity for a code, for the posting engine. */
    Optional<Location> location(String code) {
        return query("SELECT l FROM Location l WHERE l.code = :code", Location.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    private Optional<Product> productEntity(String sku) {
        return query("SELECT p FROM Product p WHERE p.sku = :sku", Product.class)
                .setParameter("sku", sku).getResultStream().findFirst();
    }

    private LotInfo info(Lot lot) {
        return lots.computeIfAbsent(lot.getId(), id -> balanceAsOf(lot));
    }

    /**
     * Returns whether {@code now} shows any of these lots differently from how this view showed
     * it, for example because another posting changed the lot before this transaction locked
     * it. Lots this view never showed are not compared.
     */
    public boolean differsFrom(LedgerStockView now, java.util.Collection<Long> lotIds) {
        for (Long id : lotIds) {
            LotInfo shown = lots.get(id);
            if (shown != null && !now.lot(id).equals(Optional.of(shown))) {
                return true;
            }
        }
        return false;
    }

    private LotInfo balanceAsOf(Lot lot) {
        if (lot.getLastEffectiveAt() == null || !lot.getLastEffectiveAt().isAfter(asOf)) {
            return lot.toInfo();
        }
        Object[] later = laterSums(lot.getId());
        return lot.toInfo(lot.getQuantity().subtract(Decimals.of(later[0])), lot.getValue().subtract(Decimals.of(later[1])));
    }

    /** Returns the sums of quantity and value of a lot's entries after this view's time. */
    private Object[] laterSums(long lotId) {
        return query("SELECT COALESCE(SUM(e.quantity), 0), COALESCE(SUM(e.value), 0)"
                        + " FROM LedgerEntry e WHERE e.lotId = :lot AND e.effectiveAt > :asOf", Object[].class)
                .setParameter("lot", lotId)
                .setParameter("asOf", asOf)
                .getSingleResult();
    }

    /**
     * Creates a query that does not flush first, because a posting's pending document and request
     * lines never change what the view reads. Each flush compares every managed object with its copy.
     */
    private <T> TypedQuery<T> query(String jpql, Class<T> type) {
        return em.createQuery(jpql, type).setFlushMode(FlushModeType.COMMIT);
    }
}

package org.lotkeeper.core.lots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessException;

/** Reads lots and their ledger history. */
@ApplicationScoped
public class LotService {

    /** Most ids bound in one {@code IN} list, well below the parameter limits of Derby and PostgreSQL. */
    static final int IDS_PER_QUERY = 500;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Lot find(long lotId) {
        caller.require(Role.VIEWER, "lot.read", "lot " + lotId);
        Lot lot = em.find(Lot.class, lotId);
        if (lot == null) {
            throw BusinessException.notFound("lotId", lotId, "Lot");
        }
        return lot;
    }

    /** Returns lots matching the filter, ordered by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Lot> list(LotFilter filter, int offset, int limit) {
        return list(filter, LotOrder.BY_ID, offset, limit);
    }

    /**
     * Returns one page of the lots matching the filter, in the given order. The page's ids are
     * read first and the lots second. For the lists in id order and in expiry order, Derby runs
     * the id query on the index {@code lot (id, quantity)} or {@code lot (expiry_date, id,
     * quantity)} of migration V4 alone and stops after one page. For one query of whole lots it
     * sorted every lot with stock. The note in V4 that these indexes are unused predates this.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Lot> list(LotFilter filter, LotOrder order, int offset, int limit) {
        caller.require(Role.VIEWER, "lot.list", null);
        TypedQuery<Long> query = em.createQuery("SELECT l.id FROM Lot l" + where(filter) + order.clause(), Long.class);
        bind(query, filter);
        List<Long> ids = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return lotsInOrder(ids);
    }

    /**
     * Returns the lots with the given ids in the order of the ids. An id without a lot is left out,
     * although no code deletes lots today.
     */
    private List<Lot> lotsInOrder(List<Long> ids) {
        Map<Long, Lot> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            for (Lot lot : em.createQuery("SELECT l FROM Lot l WHERE l.id IN :ids", Lot.class)
                    .setParameter("ids", chunk).getResultList()) {
                byId.put(lot.getId(), lot);
            }
        }
        List<Lot> lots = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Lot lot = byId.get(id);
            if (lot != null) {
                lots.add(lot);
            }
        }
        return lots;
    }

    /** Returns how many lots match the filter, for paging. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(LotFilter filter) {
        caller.require(Role.VIEWER, "lot.list", null);
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(l) FROM Lot l" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    private static String where(LotFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.productSku() != null) {
            conditions.add("l.product.sku = :sku");
        }
        if (filter.locationCode() != null) {
            conditions.add("l.location.code = :location");
        }
        if (filter.code() != null) {
            conditions.add("l.code = :code");
        }
        if (filter.expiresBefore() != null) {
            conditions.add("l.expiry <= :expiresBefore");
        }
        if (filter.expiredOn() != null) {
            // Same rule as Expiry.isExpired: expired from the day after the last day of use.
            conditions.add("l.expiry < :expiredOn");
        }
        if (filter.withStock()) {
            conditions.add("l.quantity > 0");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(TypedQuery<?> query, LotFilter filter) {
        if (filter.productSku() != null) {
            query.setParameter("sku", filter.productSku());
        }
        if (filter.locationCode() != null) {
            query.setParameter("location", filter.locationCode());
        }
        if (filter.code() != null) {
            query.setParameter("code", filter.code());
        }
        if (filter.expiresBefore() != null) {
            query.setParameter("expiresBefore", filter.expiresBefore());
        }
        if (filter.expiredOn() != null) {
            query.setParameter("expiredOn", filter.expiredOn());
        }
    }

    /** Returns a lot's ledger entries in effective order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LedgerEntry> history(long lotId) {
        find(lotId);
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.lotId = :lot ORDER BY e.effectiveAt, e.id",
                LedgerEntry.class).setParameter("lot", lotId).getResultList();
    }
}

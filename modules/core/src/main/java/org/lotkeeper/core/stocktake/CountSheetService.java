package org.lotkeeper.core.stocktake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.support.Decimals;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.posting.BalanceHistory;
import org.lotkeeper.core.posting.PostingEngine;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Opens count sheets, records counts and posts a sheet as one stocktake document whose lines are
 * the variances against the frozen snapshots.
 */
@ApplicationScoped
public class CountSheetService {

    private static final Logger LOG = Logger.getLogger(CountSheetService.class.getName());

    /** Most lots one sheet may hold. */
    public static final int MAX_LOTS = AdjustmentService.MAX_LINES;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    @Inject
    PostingEngine engine;

    @Inject
    AdjustmentService adjustments;

    /**
     * Opens a sheet for the given lots, or for every lot at {@code locationCode} or of
     * {@code productSku} that has stock, and freezes each lot's snapshot: its quantity as of
     * the end of {@code date}.
     */
    @Transactional
    public CountSheet open(List<Long> lotIds, String locationCode, String productSku, boolean blind, LocalDate date,
                           String note) {
        caller.require(Role.STAFF, "stocktake.open", null);
        LocalDate effective = date == null ? calendar.today() : date;
        if (effective.isAfter(calendar.today())) {
            throw BusinessException.invalid("effectiveDate", effective, "A count cannot be dated in the future.");
        }
        List<Lot> lots = selectLots(lotIds, locationCode, productSku);
        if (lots.isEmpty()) {
            throw BusinessException.rule("lots", null, "No lot matches; name lots, or a location or product with stock.");
        }
        if (lots.size() > MAX_LOTS) {
            throw BusinessException.invalid("lots", lots.size(), "Too many lots for one sheet: at most " + MAX_LOTS + " are allowed; split the count.");
        }

        CountSheet sheet = new CountSheet(blind, effective, note, caller.name(), calendar.now());
        em.persist(sheet);
        em.flush();
        claimLots(sheet, lots);
        Instant asOf = snapshotInstant(effective);
        for (Lot lot : lots) {
            CountLine line = new CountLine(sheet, lot);
            takeSnapshot(line, asOf);
            sheet.addLine(line);
            em.persist(line);
        }
        audit.record(caller.name(), "stocktake.open", "sheet " + sheet.getId(), AuditLog.SUCCESS, lots.size() + " lots");
        LOG.info(() -> "Opened count sheet id=" + sheet.getId() + " lots=" + lots.size() + " user='" + caller.name() + "'");
        return sheet;
    }

    /** Adds a count for a lot on an open sheet; counts of one lot add up. */
    @Transactional
    public CountSheet count(long sheetId, long lotId, BigDecimal quantity, BigDecimal unitCost) {
        caller.require(Role.STAFF, "stocktake.count", "sheet " + sheetId);
        CountSheet sheet = openSheet(sheetId);
        CountLine line = lineOf(sheet, lotId);
        if (quantity == null || quantity.signum() < 0) {
            throw BusinessException.invalid("quantity", quantity, "A count is zero or more.");
        }
        int decimals = line.getLot().getProduct().getDecimals();
        if (quantity.stripTrailingZeros().scale() > decimals) {
            throw BusinessException.rule("quantity", quantity.toPlainString(), "Unit " + line.getLot().getProduct().getUnit()
                    + " allows " + decimals + " decimals.");
        }
        if (unitCost != null) {
            line.setUnitCost(unitCost);
        }
        CountEntry entry = new CountEntry(line, quantity, caller.name(), calendar.now());
        line.addEntry(entry);
        em.persist(entry);
        return sheet;
    }

    /**
     * Takes a new snapshot of a lot and clears its counts, for a lot that is counted again. Like
     * opening the sheet, the snapshot is the quantity as of the sheet's date.
     */
    @Transactional
    public CountSheet recount(long sheetId, long lotId) {
        caller.require(Role.STAFF, "stocktake.recount", "sheet " + sheetId);
        CountSheet sheet = openSheet(sheetId);
        CountLine line = lineOf(sheet, lotId);
        engine.lockLots(List.of(lotId));
        takeSnapshot(line, snapshotInstant(sheet.getEffectiveDate()));
        return sheet;
    }

    /**
     * Posts the sheet as one stocktake document. A counted lot that moved after its snapshot
     * needs a resolution. Lots not counted post nothing. Lots whose count matches post no entry
     * but are recorded as counted.
     */
    @Transactional
    public Submission post(long sheetId, Map<Long, Resolution> resolutions) {
        caller.require(Role.STAFF, "stocktake.post", "sheet " + sheetId);
        CountSheet sheet = openSheet(sheetId);
        List<CountLine> counted = sheet.getLines().stream().filter(line -> line.counted() != null).toList();
        if (counted.isEmpty()) {
            throw BusinessException.rule("counts", null, "Nothing was counted on sheet " + sheetId + "; blank is not zero.");
        }
        engine.lockLots(counted.stream().map(line -> line.getLot().getId()).toList());

        List<Problem> moved = new ArrayList<>();
        List<RequestLine> lines = new ArrayList<>();
        for (CountLine line : counted) {
            Resolution resolution = resolutions.get(line.getLot().getId());
            LedgerEntry movement = firstMovement(line);
            if (movement != null && resolution == null) {
                moved.add(movedProblem(line, movement));
                continue;
            }
            lines.add(requestLine(lines.size(), line, movement == null ? Resolution.BEFORE : resolution));
        }
        if (!moved.isEmpty()) {
            throw new BusinessException(ErrorCode.CONFLICT, moved.get(0).message(), moved);
        }

        Submission submission = adjustments.submit(new AdjustmentCommand(BalanceHistory.STOCKTAKE_TYPE,
                sheet.getEffectiveDate(), Map.of("sheet", sheet.getId().toString()), lines), null, true);
        sheet.markPosted(submission.document().getId());
        releaseLots(sheet);
        audit.record(caller.name(), "stocktake.post", "sheet " + sheetId, AuditLog.SUCCESS,
                "document " + submission.document().getId());
        return submission;
    }

    /** Cancels an open sheet and frees its lots. */
    @Transactional
    public CountSheet cancel(long sheetId) {
        caller.require(Role.STAFF, "stocktake.cancel", "sheet " + sheetId);
        CountSheet sheet = openSheet(sheetId);
        sheet.markCancelled();
        releaseLots(sheet);
        audit.record(caller.name(), "stocktake.cancel", "sheet " + sheetId, AuditLog.SUCCESS, null);
        return sheet;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CountSheet find(long sheetId) {
        caller.require(Role.VIEWER, "stocktake.read", "sheet " + sheetId);
        CountSheet sheet = em.find(CountSheet.class, sheetId);
        if (sheet == null) {
            throw BusinessException.notFound("sheetId", sheetId, "Count sheet");
        }
        return sheet;
    }

    /** Returns the open sheets, newest first, at most {@code limit} of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CountSheet> openSheets(int limit) {
        caller.require(Role.VIEWER, "stocktake.list", null);
        return em.createQuery("SELECT s FROM CountSheet s WHERE s.status = :open ORDER BY s.id DESC", CountSheet.class)
                .setParameter("open", SheetStatus.OPEN).setMaxResults(limit).getResultList();
    }

    /** Returns whether the caller may see snapshots and variances of a blind sheet: admins only. */
    public boolean seesSnapshots(CountSheet sheet) {
        return !sheet.isBlind() || caller.has(Role.ADMIN);
    }

    private List<Lot> selectLots(List<Long> lotIds, String locationCode, String productSku) {
        if (lotIds != null && !lotIds.isEmpty()) {
            List<Lot> lots = new ArrayList<>();
            for (Long id : new LinkedHashSet<>(lotIds)) {
                Lot lot = em.find(Lot.class, id);
                if (lot == null) {
                    throw BusinessException.notFound("lots", id, "Lot");
                }
                lots.add(lot);
            }
            return lots;
        }
        if (locationCode == null && productSku == null) {
            throw BusinessException.invalid("lots", null, "Name the lots to count, or a location or a product.");
        }
        StringBuilder jpql = new StringBuilder("SELECT l FROM Lot l WHERE l.quantity > 0");
        if (locationCode != null) {
            jpql.append(" AND l.location.code = :location");
        }
        if (productSku != null) {
            jpql.append(" AND l.product.sku = :sku");
        }
        var query = em.createQuery(jpql.append(" ORDER BY l.id").toString(), Lot.class);
        if (locationCode != null) {
            query.setParameter("location", locationCode);
        }
        if (productSku != null) {
            query.setParameter("sku", productSku);
        }
        return query.setMaxResults(MAX_LOTS + 1).getResultList();
    }

    private void claimLots(CountSheet sheet, List<Lot> lots) {
        Map<Long, Long> onOtherSheets = new HashMap<>();
        for (Lot lot : lots) {
            OpenCount open = em.find(OpenCount.class, lot.getId());
            if (open != null) {
                onOtherSheets.put(lot.getId(), open.getSheetId());
            }
        }
        if (!onOtherSheets.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            onOtherSheets.forEach((lotId, otherSheet) -> problems.add(new Problem("lots", lotId.toString(), "Lot " + lotId
                    + " is already on open count sheet " + otherSheet + "; post or cancel that sheet first.")));
            throw new BusinessException(ErrorCode.CONFLICT, problems.get(0).message(), problems);
        }
        for (Lot lot : lots) {
            em.persist(new OpenCount(lot.getId(), sheet.getId()));
        }
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new BusinessException(ErrorCode.CONFLICT, "lots", null,
                    "Another count sheet claimed some of these lots at the same moment; nothing was opened.");
        }
    }

    private void releaseLots(CountSheet sheet) {
        em.createQuery("DELETE FROM OpenCount o WHERE o.sheetId = :sheet").setParameter("sheet", sheet.getId())
                .executeUpdate();
    }

    /** Returns the instant a sheet dated {@code date} freezes quantities at: the end of a past date, else now. */
    private Instant snapshotInstant(LocalDate date) {
        return date.isBefore(calendar.today()) ? calendar.effectiveInstant(date) : calendar.now();
    }

    private void takeSnapshot(CountLine line, Instant asOf) {
        Lot lot = line.getLot();
        Object[] later = em.createQuery("SELECT COALESCE(SUM(e.quantity), 0), COALESCE(SUM(e.value), 0) FROM LedgerEntry e"
                + " WHERE e.lotId = :lot AND e.effectiveAt > :at", Object[].class)
                .setParameter("lot", lot.getId()).setParameter("at", asOf).getSingleResult();
        Long lastEntry = em.createQuery("SELECT COALESCE(MAX(e.id), 0) FROM LedgerEntry e WHERE e.lotId = :lot", Long.class)
                .setParameter("lot", lot.getId()).getSingleResult();
        line.snapshot(lot.getQuantity().subtract(Decimals.of(later[0])), lot.getValue().subtract(Decimals.of(later[1])),
                asOf, lastEntry);
    }

    private LedgerEntry firstMovement(CountLine line) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.lotId = :lot AND e.id > :last ORDER BY e.id",
                        LedgerEntry.class)
                .setParameter("lot", line.getLot().getId()).setParameter("last", line.getSnapshotEntryId())
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private static Problem movedProblem(CountLine line, LedgerEntry movement) {
        Lot lot = line.getLot();
        return new Problem("resolutions." + lot.getId(), lot.getCode(), "Lot " + lot.getCode() + " of "
                + lot.getProduct().getSku() + " moved since its snapshot (snapshot " + Decimals.plain(line.getSnapshotQuantity())
                + ", now " + Decimals.plain(lot.getQuantity()) + ", by " + movement.getTypeId() + " document "
                + movement.getDocumentId() + "). Recount it, or say whether it was counted before or after the movement.");
    }

    private static RequestLine requestLine(int index, CountLine line, Resolution resolution) {
        Map<String, String> fields = new HashMap<>();
        fields.put(BalanceHistory.COUNTED_FIELD, line.counted().toPlainString());
        if (resolution == Resolution.BEFORE) {
            fields.put("snapshot", line.getSnapshotQuantity().stripTrailingZeros().toPlainString());
        }
        return new RequestLine(index, line.getLot().getId(), null, null, line.getUnitCost(), fields);
    }

    private CountSheet openSheet(long sheetId) {
        CountSheet sheet = em.find(CountSheet.class, sheetId, LockModeType.PESSIMISTIC_WRITE);
        if (sheet == null) {
            throw BusinessException.notFound("sheetId", sheetId, "Count sheet");
        }
        if (sheet.getStatus() != SheetStatus.OPEN) {
            throw new BusinessException(ErrorCode.CONFLICT, "sheetId", sheetId, "Count sheet " + sheetId + " is "
                    + sheet.getStatus() + "; a posted or cancelled sheet never changes.");
        }
        return sheet;
    }

    private static CountLine lineOf(CountSheet sheet, long lotId) {
        return sheet.getLines().stream().filter(line -> line.getLot().getId() == lotId).findFirst()
                .orElseThrow(() -> BusinessException.notFound("lotId", lotId, "Lot on sheet " + sheet.getId() + ":"));
    }

}

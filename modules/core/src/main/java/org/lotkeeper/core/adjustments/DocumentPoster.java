package org.lotkeeper.core.adjustments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.plugins.LedgerStockView;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeInvoker;
import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.ledger.LotCount;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.posting.BalanceHistory;
import org.lotkeeper.core.posting.LotResolver;
import org.lotkeeper.core.posting.PlannedLine;
import org.lotkeeper.core.posting.PostedLine;
import org.lotkeeper.core.posting.PostingEngine;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;
import org.lotkeeper.core.support.JsonColumns;

/**
 * Posts a draft: requests lines from its type against the stock as of the document's date, resolves
 * them to lots and hands them to the posting engine. Runs in the caller's transaction.
 */
@ApplicationScoped
class DocumentPoster {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DocumentPoster.class.getName());

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    @Inject
    TypeInvoker invoker;

    @Inject
    LotResolver resolver;

    @Inject
    PostingEngine engine;

    @Inject
    jakarta.enterprise.event.Event<DocumentPosted> postedEvents;

    List<PostedLine> post(AdjustmentDocument document, RegisteredType type, TypeSettingsView settings, String user) {
        Instant now = calendar.now();
        document.setEffectiveAt(calendar.effectiveInstant(document.getEffectiveDate()));

        List<RequestLine> requestLines = document.getLines().stream().map(RequestLineEntity::toRequestLine).toList();
        Set<Long> namedLots = requestLines.stream().map(RequestLine::lotId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        AdjustmentRequest request = new AdjustmentRequest(document.getTypeId(), document.getEffectiveDate(),
                JsonColumns.read(document.getFieldsJson()), requestLines, settings.forType());

        // The type is asked first and its lots are locked after, so that a slow type holds no
        // lot locks while it works. The lots locked are those the request names and those the
        // proposal posts to (a transfer's destination, lots chosen automatically), all in one
        // ascending pass, so postings that share lots queue in one order and do not deadlock.
        // When the locked lots, read again (as of now for a document dated today), differ from
        // what the type saw, the type is asked again with that view, under the locks, so that a
        // proposal always rests on the balances the posting is checked against.
        LedgerStockView stock = new LedgerStockView(em, document.getEffectiveAt(), document.getEffectiveDate());
        List<ProposedLine> proposal = invoker.propose(type, request, stock, document.getId());
        Set<Long> lockedLots = new HashSet<>(namedLots);
        lockedLots.addAll(existingLots(proposal));
        engine.lockLots(lockedLots);
        document.setEffectiveAt(calendar.effectiveInstant(document.getEffectiveDate()));
        LedgerStockView locked = new LedgerStockView(em, document.getEffectiveAt(), document.getEffectiveDate());
        if (stock.differsFrom(locked, lockedLots)) {
            LOG.fine(() -> "Lots of document id=" + document.getId() + " changed while type '" + type.id()
                    + "' proposed; asking it again under the locks");
            // NOTE: a second proposal may post to a lot the first did not name. The engine locks
            // such a lot after the others, so this rare path can still deadlock (rejected with 409).
            proposal = invoker.propose(type, request, locked, document.getId());
        }
        List<PlannedLine> planned;
        try {
            planned = resolver.resolve(type.descriptor(), proposal, requestLines, now);
        } catch (BusinessException e) {
            if (e.code() == ErrorCode.TYPE_FAILED) {
                invoker.reportFailure(type.id(), document.getId(), e.getMessage());
            }
            throw e;
        }
        List<PostedLine> posted = engine.post(document, planned, type.descriptor().takesFromExpiredLots(),
                document.getEffectiveDate(), now, user);

        BigDecimal valueEffect = posted.stream().map(PostedLine::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        document.markPosted(user, now, valueEffect);
        recordCountedLots(document, requestLines);
        postedEvents.fire(DocumentPosted.of(document));
        return posted;
    }

    /** Returns the ids of the existing lots a proposal posts to. */
    private static Set<Long> existingLots(List<ProposedLine> proposal) {
        Set<Long> ids = new HashSet<>();
        for (ProposedLine line : proposal) {
            if (line.target() instanceof LotTarget.Existing existing) {
                ids.add(existing.lotId());
            }
        }
        return ids;
    }

    /**
     * Records every lot a stocktake counted, including those whose count matched and got no
     * entry, so that backdated changes before the count are rejected.
     */
    private void recordCountedLots(AdjustmentDocument document, List<RequestLine> requestLines) {
        if (!BalanceHistory.STOCKTAKE_TYPE.equals(document.getTypeId())) {
            return;
        }
        requestLines.stream()
                .filter(line -> line.lotId() != null && line.field(BalanceHistory.COUNTED_FIELD).isPresent())
                .map(RequestLine::lotId)
                .distinct()
                .forEach(lotId -> {
                    em.persist(new LotCount(lotId, document.getId(), document.getEffectiveAt()));
                    // The lot is locked: every line's lot is, before the type's proposal is posted.
                    em.find(Lot.class, lotId).recordCount(document.getEffectiveAt());
                });
    }
}

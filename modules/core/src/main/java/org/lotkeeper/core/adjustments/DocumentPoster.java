package org.lotkeeper.core.adjustments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.plugins.LedgerStockView;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeInvoker;
import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.ledger.LotCount;
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
        java.util.Set<Long> namedLots = requestLines.stream().map(RequestLine::lotId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        AdjustmentRequest request = new AdjustmentRequest(document.getTypeId(), document.getEffectiveDate(),
                JsonColumns.read(document.getFieldsJson()), requestLines, settings.forType());

        // The type is asked first and the named lots are locked after, so that a slow type holds
        // no lot locks while it works. When the locked lots, read again (as of now for a document
        // dated today), differ from what the type saw, the type is asked again with that view,
        // under the locks, so that a proposal always rests on the balances the posting is checked
        // against. Lots the type picks on its own (automatic lot choice) are locked later, after
        // the named ones, so their order is not globally ascending. Derby reports the rare
        // deadlock this allows, and the posting is then rejected as a conflict to retry.
        LedgerStockView stock = new LedgerStockView(em, document.getEffectiveAt(), document.getEffectiveDate());
        List<ProposedLine> proposal = invoker.propose(type, request, stock, document.getId());
        engine.lockLots(namedLots);
        document.setEffectiveAt(calendar.effectiveInstant(document.getEffectiveDate()));
        LedgerStockView locked = new LedgerStockView(em, document.getEffectiveAt(), document.getEffectiveDate());
        if (stock.differsFrom(locked, namedLots)) {
            LOG.fine(() -> "Lots of document id=" + document.getId() + " changed while type '" + type.id()
                    + "' proposed; asking it again under the locks");
            proposal = invoker.propose(type, request, locked, document.getId());
        }
        List<PlannedLine> planned;
        try {
            planned = resolver.resolve(type.descriptor(), proposal, namedLots, now);
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
                .forEach(lotId -> em.persist(new LotCount(lotId, document.getId(), document.getEffectiveAt())));
    }
}

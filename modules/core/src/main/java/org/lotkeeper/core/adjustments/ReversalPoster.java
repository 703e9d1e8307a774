package org.lotkeeper.core.adjustments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.Problem;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.posting.BalanceHistory;
import org.lotkeeper.core.posting.PlannedLine;
import org.lotkeeper.core.posting.PostedLine;
import org.lotkeeper.core.posting.PostingEngine;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Posts the negation of a document's entries. Each reversal line carries the exact value of the
 * entry it negates, so value comes back to the cent. A reversal is rejected when a stocktake
 * counted one of the lots after the original took effect, because that count already corrected it.
 */
@ApplicationScoped
class ReversalPoster {

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    @Inject
    BalanceHistory history;

    @Inject
    PostingEngine engine;

    @Inject
    jakarta.enterprise.event.Event<DocumentPosted> postedEvents;

    List<PostedLine> post(AdjustmentDocument original, AdjustmentDocument reversal, String user) {
        List<LedgerEntry> entries = em.createQuery("SELECT e FROM LedgerEntry e WHERE e.documentId = :doc"
                + " ORDER BY e.lineNo, e.id", LedgerEntry.class).setParameter("doc", original.getId()).getResultList();

        List<Problem> problems = new ArrayList<>();
        List<PlannedLine> planned = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            Lot lot = em.find(Lot.class, entry.getLotId());
            history.checkStocktakeAfter(lot, original.getEffectiveAt(), original.getId(), problems);
            planned.add(new PlannedLine(planned.size(), -1, null, lot, entry.getQuantity().negate(),
                    CostSource.lotCost(), entry.getValue().negate(), entry.getReasonCode(),
                    "reversal of document " + original.getId(), Map.of(), entry.getId(), false));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException(ErrorCode.RULE_VIOLATION, "Document " + original.getId()
                    + " cannot be reversed: " + problems.get(0).message(), problems);
        }

        List<PostedLine> posted = engine.post(reversal, planned, true, reversal.getEffectiveDate(), calendar.now(), user);
        reversal.markPosted(user, calendar.now(), AdjustmentService.sum(posted));
        postedEvents.fire(DocumentPosted.of(reversal));
        return posted;
    }
}

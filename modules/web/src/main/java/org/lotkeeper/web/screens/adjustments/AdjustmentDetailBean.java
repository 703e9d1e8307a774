package org.lotkeeper.web.screens.adjustments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.DocumentStatus;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.JsonColumns;
import org.lotkeeper.web.screens.ProblemMessages;

/**
 * One adjustment document with the ledger entries it wrote, and the actions its status allows:
 * post a draft, approve a submitted document, reverse a posted one.
 */
@Named("adjustmentDetail")
@ViewScoped
public class AdjustmentDetailBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdjustmentService adjustments;

    @Inject
    LotLabels lotLabels;

    private Long id;
    private AdjustmentDocument document;
    private List<EntryRow> entries = List.of();
    private Map<String, String> fields = Map.of();

    /** Lot descriptions by lot id, read only for the entries of the pages shown. */
    private final HashMap<Long, String> lotLabelCache = new HashMap<>();

    /**
     * A ledger entry of the document.
     *
     * @param entry the entry
     */
    public record EntryRow(LedgerEntry entry) implements Serializable {
    }

    /** Loads the document named by the {@code id} parameter; called by the page's view action. */
    public void load() {
        if (id == null) {
            ProblemMessages.error("No document was chosen; open one from the adjustment list.");
            return;
        }
        try {
            document = adjustments.find(id);
            fields = JsonColumns.read(document.getFieldsJson());
            List<EntryRow> rows = new ArrayList<>();
            for (LedgerEntry entry : adjustments.entriesOf(id)) {
                rows.add(new EntryRow(entry));
            }
            entries = rows;
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
    }

    /** Reverses the document effective today and shows the reversal. */
    public String reverse() {
        return act(() -> adjustments.reverse(id, false), "Reversed document " + id + " with document ");
    }

    /** Posts a draft. */
    public String post() {
        return act(() -> adjustments.post(id), "Posted document ");
    }

    /** Approves and posts a submitted document. */
    public String approve() {
        return act(() -> adjustments.approve(id), "Approved and posted document ");
    }

    private String act(java.util.function.Supplier<Submission> action, String outcomeText) {
        try {
            Submission submission = action.get();
            long openedId = submission.document().getId();
            ProblemMessages.infoAfterRedirect(outcomeText + openedId + ".");
            return "/adjustment?faces-redirect=true&id=" + openedId;
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
            load();
            return null;
        }
    }

    /**
     * Returns the product, lot code and location of a lot. The table requests only the rows of
     * the page it shows, so a document with thousands of lines does not read every lot.
     */
    public String lotLabel(long lotId) {
        return lotLabelCache.computeIfAbsent(lotId, lotLabels::labelOf);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public AdjustmentDocument getDocument() {
        return document;
    }

    public List<EntryRow> getEntries() {
        return entries;
    }

    /** Returns the document fields as entered, such as the order reference or the recipient. */
    public List<Map.Entry<String, String>> getFields() {
        return new ArrayList<>(fields.entrySet());
    }

    public boolean isReversible() {
        return document != null && document.getStatus() == DocumentStatus.POSTED && !document.isReversal();
    }

    public boolean isDraft() {
        return document != null && document.getStatus() == DocumentStatus.DRAFT;
    }

    public boolean isSubmitted() {
        return document != null && document.getStatus() == DocumentStatus.SUBMITTED;
    }
}

package org.lotkeeper.web.screens.stocktake;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.stocktake.CountLine;
import org.lotkeeper.core.stocktake.CountSheet;
import org.lotkeeper.core.stocktake.CountSheetService;
import org.lotkeeper.core.stocktake.Resolution;
import org.lotkeeper.core.stocktake.SheetStatus;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;

/**
 * The count screen of one sheet: enter counts (several counts of a lot add up, and a lot left
 * blank is not counted), then post the sheet, resolving lots that moved after their snapshot.
 */
@Named("countSheet")
@ViewScoped
public class CountSheetBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "sheet";

    @Inject
    CountSheetService countSheets;

    private Long id;
    private SheetStatus status;
    private boolean blind;
    private boolean snapshotsShown;
    private Long documentId;
    private String note;
    private List<CountRow> rows = List.of();

    /** Loads the sheet named by the {@code id} parameter; called by the page's view action. */
    public void load() {
        if (id == null) {
            ProblemMessages.error("No count sheet was chosen; open one from the stocktake page.");
            return;
        }
        try {
            CountSheet sheet = countSheets.find(id);
            status = sheet.getStatus();
            blind = sheet.isBlind();
            snapshotsShown = countSheets.seesSnapshots(sheet);
            documentId = sheet.getDocumentId();
            note = sheet.getNote();
            List<CountRow> loaded = new ArrayList<>();
            for (CountLine line : sheet.getLines()) {
                loaded.add(new CountRow(line, snapshotsShown));
            }
            rows = loaded;
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
    }

    /**
     * Records every count entered in this round and clears the inputs of the saved ones. A count
     * that is no number or breaks a rule stays in its input with its message, and the other rows
     * are saved all the same.
     */
    public void saveCounts() {
        int saved = 0;
        for (int row = 0; row < rows.size(); row++) {
            CountRow line = rows.get(row);
            String text = line.getNewCount();
            if (text == null || text.isBlank()) {
                continue;
            }
            String input = clientId(row, "newCount");
            BigDecimal count;
            try {
                count = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                ProblemMessages.error(input, "Enter the count as a number, such as 12 or 2.5.");
                FacesContext.getCurrentInstance().validationFailed();
                continue;
            }
            try {
                countSheets.count(id, line.getLotId(), count, null);
                saved++;
            } catch (BusinessException e) {
                ProblemMessages.show(e, field -> input);
            }
        }
        if (saved > 0) {
            ProblemMessages.info("Saved " + saved + (saved == 1 ? " count." : " counts."));
        }
        load();
    }

    /** Posts the sheet as a stocktake document and opens that document. */
    public String post() {
        Map<Long, Resolution> resolutions = new HashMap<>();
        Map<String, Integer> rowOfLot = new HashMap<>();
        for (int row = 0; row < rows.size(); row++) {
            CountRow line = rows.get(row);
            rowOfLot.put(Long.toString(line.getLotId()), row);
            if (line.getResolution() != null) {
                resolutions.put(line.getLotId(), line.getResolution());
            }
        }
        try {
            Submission submission = countSheets.post(id, resolutions);
            long document = submission.document().getId();
            ProblemMessages.infoAfterRedirect("Posted count sheet " + id + " as stocktake document " + document + ".");
            return "/adjustment?faces-redirect=true&id=" + document;
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> {
                // A lot that moved is named as resolutions.<lot id>.
                Integer row = field.startsWith("resolutions.") ? rowOfLot.get(field.substring("resolutions.".length())) : null;
                return row == null ? null : clientId(row, "resolution");
            });
            return null;
        }
    }

    /** Cancels the sheet, which frees its lots for another count. */
    public String cancel() {
        try {
            countSheets.cancel(id);
            ProblemMessages.infoAfterRedirect("Cancelled count sheet " + id + ".");
            return "/stocktake?faces-redirect=true";
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
            return null;
        }
    }

    private static String clientId(int row, String input) {
        return FORM + ":lines:" + row + ":" + input;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public SheetStatus getStatus() {
        return status;
    }

    public boolean isOpen() {
        return status == SheetStatus.OPEN;
    }

    public boolean isBlind() {
        return blind;
    }

    public boolean isSnapshotsShown() {
        return snapshotsShown;
    }

    /** Returns the stocktake document of a posted sheet, or {@code null}. */
    public Long getDocumentId() {
        return documentId;
    }

    public String getNote() {
        return note;
    }

    public List<CountRow> getRows() {
        return rows;
    }

    public Resolution[] getResolutions() {
        return Resolution.values();
    }
}

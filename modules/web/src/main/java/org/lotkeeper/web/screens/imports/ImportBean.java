package org.lotkeeper.web.screens.imports;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.imports.CostPolicy;
import org.lotkeeper.core.imports.ImportKind;
import org.lotkeeper.core.imports.ImportMode;
import org.lotkeeper.core.imports.ImportOptions;
import org.lotkeeper.core.imports.ImportOutcome;
import org.lotkeeper.core.imports.ImportReport;
import org.lotkeeper.core.imports.ImportService;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.CurrentUser;
import org.lotkeeper.web.screens.ProblemMessages;
import org.primefaces.model.file.UploadedFile;

/**
 * The import screen. The user uploads a CSV file, which is checked at once in a dry run, reads
 * the report, and then imports the same file: all or nothing, or only its valid rows when
 * chosen explicitly. The file's text stays in the view between the check and the import, so
 * the import applies exactly the file that was checked.
 */
@Named("csvImport")
@ViewScoped
public class ImportBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(ImportBean.class.getName());

    /** Largest file accepted, in bytes: 20 MiB, as for the import API. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    static final String FORM = "importForm";

    @Inject
    ImportService imports;

    @Inject
    ImportGate gate;

    @Inject
    CurrentUser currentUser;

    private String kind = ImportKind.LOCATIONS.id();
    private String defaultLocation;
    private String costPolicy = CostPolicy.REJECT.id();
    private boolean validRowsOnly;
    private transient UploadedFile file;

    private String fileName;
    private String text;
    private String checkedKind;
    private Report report;

    /**
     * The result of an import run, kept in the view.
     *
     * @param mode        {@code dry-run}, {@code commit} or {@code commit-valid}
     * @param outcome     {@code checked}, {@code applied}, {@code rejected} or {@code already-imported}
     * @param rows        data rows in the file
     * @param accepted    rows without errors
     * @param rejected    rows with errors
     * @param issues      errors, then warnings
     * @param documents   adjustment documents posted
     * @param rejectedCsv the rejected rows as CSV after a commit of the valid rows, else {@code null}
     * @param applied     whether the import changed the catalog or stock, so the file cannot be imported again
     */
    public record Report(String mode, String outcome, int rows, int accepted, int rejected, List<IssueRow> issues,
                         List<Long> documents, String rejectedCsv, boolean applied) implements Serializable {

        static Report of(ImportReport report) {
            List<IssueRow> issues = new ArrayList<>();
            report.errors().forEach(issue -> issues.add(IssueRow.of("error", issue)));
            report.warnings().forEach(issue -> issues.add(IssueRow.of("warning", issue)));
            return new Report(report.mode().id(), report.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    report.rows(), report.accepted(), report.rejected(), List.copyOf(issues),
                    List.copyOf(report.documents()), report.rejectedCsv(), report.outcome() == ImportOutcome.APPLIED);
        }
    }

    /** Reads the uploaded file and checks it in a dry run, which changes nothing. */
    public void check() {
        report = null;
        text = null;
        checkedKind = null;
        if (file == null || file.getSize() == 0) {
            ProblemMessages.error(FORM + ":file", "Choose a CSV file to import.");
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            ProblemMessages.error(FORM + ":file", "The file " + file.getFileName() + " has " + file.getSize()
                    + " bytes; an import file may have at most " + MAX_BYTES + " bytes (20 MiB). Split the file.");
            return;
        }
        String decoded = decode(file.getContent());
        if (decoded == null) {
            ProblemMessages.error(FORM + ":file", "The file " + file.getFileName()
                    + " is not valid UTF-8 text; save it as UTF-8 CSV.");
            return;
        }
        fileName = file.getFileName();
        if (run(ImportMode.DRY_RUN, decoded) != null) {
            text = decoded;
            checkedKind = kind;
        }
    }

    /** Imports the checked file: all rows or none, or only the valid rows when that was chosen. */
    public void commit() {
        if (text == null) {
            ProblemMessages.error("Check a file first; the import applies the file that was checked.");
            return;
        }
        if (!kind.equals(checkedKind)) {
            ProblemMessages.error(FORM + ":kind", "The file was checked as " + checkedKind + ", not " + kind
                    + "; check it again before importing.");
            return;
        }
        run(validRowsOnly ? ImportMode.COMMIT_VALID : ImportMode.COMMIT, text);
    }

    private ImportReport run(ImportMode mode, String csv) {
        ImportKind parsedKind = ImportKind.parse(kind).orElse(null);
        if (parsedKind == null) {
            ProblemMessages.error(FORM + ":kind", "Import kind " + kind + " does not exist; choose one from the list.");
            return null;
        }
        CostPolicy policy = CostPolicy.parse(costPolicy).orElse(CostPolicy.REJECT);
        ImportOptions options = new ImportOptions(mode, defaultLocation, policy);
        try {
            ImportReport result = gate.runAlone(parsedKind.id() + " by " + currentUser.getName(),
                    () -> imports.run(parsedKind, csv, options));
            report = Report.of(result);
            LOG.fine(() -> "Screen import kind=" + parsedKind.id() + " mode=" + mode.id() + " outcome="
                    + report.outcome() + " file='" + fileName + "'");
            return result;
        } catch (ImportGate.BusyException e) {
            ProblemMessages.error(e.getMessage());
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
        return null;
    }

    /** Returns the text of UTF-8 bytes without a byte order mark, or {@code null} when they are not UTF-8. */
    private static String decode(byte[] bytes) {
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Returns the import kinds by id, in the order their files refer to each other. */
    public List<String> getKinds() {
        return Arrays.stream(ImportKind.values()).map(ImportKind::id).toList();
    }

    public List<String> getCostPolicies() {
        return Arrays.stream(CostPolicy.values()).map(CostPolicy::id).toList();
    }

    /** Returns the columns the header of the chosen kind must have. */
    public String getColumns() {
        return ImportKind.parse(kind).map(parsed -> String.join(",", parsed.columns())).orElse("");
    }

    /** Returns whether a file was checked and can be imported. */
    public boolean isChecked() {
        return text != null;
    }

    public Report getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDefaultLocation() {
        return defaultLocation;
    }

    public void setDefaultLocation(String defaultLocation) {
        this.defaultLocation = defaultLocation;
    }

    public String getCostPolicy() {
        return costPolicy;
    }

    public void setCostPolicy(String costPolicy) {
        this.costPolicy = costPolicy;
    }

    /** Returns whether the import applies the valid rows and leaves out the rejected ones, instead of all or nothing. */
    public boolean isValidRowsOnly() {
        return validRowsOnly;
    }

    public void setValidRowsOnly(boolean validRowsOnly) {
        this.validRowsOnly = validRowsOnly;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}

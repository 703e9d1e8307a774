package org.lotkeeper.core.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;

/**
 * Runs CSV imports: reads the file, checks every row, and in a commit applies the result in one
 * transaction. Checking happens outside that transaction and holds no locks. When the core
 * rejects a change while applying, the whole import rolls back and the report names the file
 * lines behind the change.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    private static final String CRLF = "\r\n";

    @Inject
    Caller caller;

    @Inject
    LocationImport locations;

    @Inject
    ProductImport products;

    @Inject
    BomImport boms;

    @Inject
    OpeningStockImport openingStock;

    @Inject
    StocktakeImport stocktake;

    /**
     * Imports a CSV file of one kind. Staff role required, also for a dry run.
     *
     * @throws CsvFormatException when the text is not valid CSV or its header does not fit the kind
     */
    public ImportReport run(ImportKind kind, String text, ImportOptions options) {
        caller.require(Role.STAFF, options.mode() == ImportMode.DRY_RUN ? "import.dry-run" : "import.commit",
                kind.id());

        CsvTable table = CsvReader.read(text);
        kind.checkHeader(table.header());
        ImportIssues issues = new ImportIssues();
        List<ImportRow> rows = rows(table, issues);
        List<ImportRow> wellFormed = rows.stream().filter(row -> !issues.rejected(row)).toList();
        ImportFile file = new ImportFile(wellFormed, options, sha256(text));

        return switch (kind) {
            case LOCATIONS -> execute(kind, locations, file, rows, table, issues);
            case PRODUCTS -> execute(kind, products, file, rows, table, issues);
            case BOMS -> execute(kind, boms, file, rows, table, issues);
            case OPENING_STOCK -> execute(kind, openingStock, file, rows, table, issues);
            case STOCKTAKE -> execute(kind, stocktake, file, rows, table, issues);
        };
    }

    /** Checks the well-formed rows in {@code file} and applies them as the mode requires. {@code rows} are all rows. */
    private <P> ImportReport execute(ImportKind kind, Importer<P> importer, ImportFile file, List<ImportRow> rows,
                                     CsvTable table, ImportIssues issues) {
        ImportMode mode = file.options().mode();
        List<Long> earlier = importer.earlierImport(file.contentHash());
        if (!earlier.isEmpty() && mode != ImportMode.DRY_RUN) {
            issues.warning(null, null, null, "This file was already imported as documents " + earlier
                    + "; nothing was posted again.");
            return report(kind, file.options(), rows, table, issues, ImportOutcome.ALREADY_IMPORTED, earlier);
        }

        P plan = importer.check(file, issues);
        if (!earlier.isEmpty()) {
            issues.warning(null, null, null, "This file was already imported as documents " + earlier
                    + "; committing it again posts nothing.");
        }
        if (mode == ImportMode.DRY_RUN) {
            return report(kind, file.options(), rows, table, issues, ImportOutcome.CHECKED, List.of());
        }
        if (mode == ImportMode.COMMIT && issues.hasErrors()) {
            return report(kind, file.options(), rows, table, issues, ImportOutcome.REJECTED, List.of());
        }

        List<Long> documents = List.of();
        if (importer.changesAnything(plan)) {
            try {
                documents = importer.apply(plan);
            } catch (ImportApplyException e) {
                e.issues().forEach(issues::error);
                LOG.warning(() -> "Import rejected while applying: kind=" + kind.id() + " user='" + caller.name()
                        + "' reason='" + e.getMessage() + "'");
                return report(kind, file.options(), rows, table, issues, ImportOutcome.REJECTED, List.of());
            }
        }
        ImportReport report = report(kind, file.options(), rows, table, issues, ImportOutcome.APPLIED, documents);
        LOG.info(() -> "Imported kind=" + kind.id() + " mode=" + mode.id() + " rows=" + report.rows() + " accepted="
                + report.accepted() + " rejected=" + report.rejected() + " documents=" + report.documents()
                + " user='" + caller.name() + "'");
        return report;
    }

    /** Returns the data rows, rejecting those whose field count differs from the header's. */
    private static List<ImportRow> rows(CsvTable table, ImportIssues issues) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = table.header().fields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<ImportRow> rows = new ArrayList<>();
        for (CsvRecord record : table.records()) {
            ImportRow row = new ImportRow(record, columns);
            if (record.fields().size() != header.size()) {
                issues.error(row, null, null, "The row has " + record.fields().size() + " fields, but the header has "
                        + header.size() + "; enclose values that contain commas in double quotes.");
            }
            rows.add(row);
        }
        return rows;
    }

    private static ImportReport report(ImportKind kind, ImportOptions options, List<ImportRow> rows, CsvTable table,
                                       ImportIssues issues, ImportOutcome outcome, List<Long> documents) {
        boolean repeated = outcome == ImportOutcome.ALREADY_IMPORTED;
        int rejected = repeated ? 0 : issues.rejectedCount();
        int accepted = repeated ? 0 : rows.size() - rejected;
        String rejectedCsv = options.mode() == ImportMode.COMMIT_VALID && !repeated
                ? rejectedCsv(table, rows, issues) : null;
        return new ImportReport(kind, options.mode(), outcome, rows.size(), accepted, rejected, issues.warnings(),
                issues.errors(), documents, rejectedCsv);
    }

    /** Returns the header and the rejected rows exactly as they are in the file, each ended by CRLF. */
    private static String rejectedCsv(CsvTable table, List<ImportRow> rows, ImportIssues issues) {
        StringBuilder csv = new StringBuilder(table.header().text()).append(CRLF);
        for (ImportRow row : rows) {
            if (issues.rejected(row)) {
                csv.append(row.record().text()).append(CRLF);
            }
        }
        return csv.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

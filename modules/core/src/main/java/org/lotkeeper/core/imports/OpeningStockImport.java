package org.lotkeeper.core.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.adjustments.SubmissionKey;
import org.lotkeeper.core.support.BusinessException;

/**
 * Imports opening stock from {@code sku,lot,serial,location,quantity,unit_cost,currency,status} as
 * documents of the opening adjustment type, posted through {@link AdjustmentService}. Each
 * document has at most {@link #LINES_PER_DOCUMENT} lines, and all documents of one import post in
 * one transaction, so an import posts completely or not at all. Each document's client key is
 * derived from the SHA-256 of the file's text, so importing the identical file again posts nothing
 * and returns the first import's documents.
 */
@ApplicationScoped
class OpeningStockImport implements Importer<OpeningStockImport.Plan> {

    private static final Logger LOG = Logger.getLogger(OpeningStockImport.class.getName());

    /** Maximum lines per opening document. Larger imports post several documents in one transaction. */
    static final int LINES_PER_DOCUMENT = 5_000;

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)\\](?:\\.(.+))?");
    private static final Map<String, String> COLUMNS = Map.of("quantity", "quantity", "unitCost", "unit_cost",
            "newLot.productSku", "sku", "newLot.locationCode", "location", "newLot.code", "lot", "lotId", "lot");

    /** The opening lines of a checked file and the file's hash. */
    record Plan(String contentHash, List<StockLine> lines) {
    }

    @Inject
    ImportLookups lookups;

    @Inject
    AdjustmentService adjustments;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Override
    public Plan check(ImportFile file, ImportIssues issues) {
        List<StockLine> lines = new OpeningStockCheck(lookups, file.options(), issues).check(file.rows());
        return new Plan(file.contentHash(), lines);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> earlierImport(String contentHash) {
        List<Long> documents = new ArrayList<>();
        for (int part = 1; ; part++) {
            SubmissionKey key = em.find(SubmissionKey.class, clientKey(contentHash, part));
            if (key == null) {
                return documents;
            }
            documents.add(key.getDocumentId());
        }
    }

    @Override
    public boolean changesAnything(Plan plan) {
        return !plan.lines().isEmpty();
    }

    @Override
    @Transactional
    public List<Long> apply(Plan plan) {
        List<List<StockLine>> parts = new ArrayList<>();
        for (int from = 0; from < plan.lines().size(); from += LINES_PER_DOCUMENT) {
            parts.add(plan.lines().subList(from, Math.min(plan.lines().size(), from + LINES_PER_DOCUMENT)));
        }

        List<Long> documents = new ArrayList<>();
        for (int part = 1; part <= parts.size(); part++) {
            List<StockLine> lines = parts.get(part - 1);
            AdjustmentCommand command = command(plan.contentHash(), part, parts.size(), lines);
            try {
                Submission submission = adjustments.submit(command, clientKey(plan.contentHash(), part), true);
                documents.add(submission.document().getId());
            } catch (BusinessException e) {
                throw new ImportApplyException(e, issues(e, lines));
            }
        }
        LOG.info(() -> "Imported opening stock: lines=" + plan.lines().size() + " documents=" + documents
                + " file sha256=" + plan.contentHash());
        return documents;
    }

    /** Returns the client key of one document of an import: the file's hash and the document's part number. */
    static String clientKey(String contentHash, int part) {
        return "import/opening-stock/" + contentHash + "/" + part;
    }

    private static AdjustmentCommand command(String contentHash, int part, int parts, List<StockLine> lines) {
        List<RequestLine> requestLines = new ArrayList<>();
        for (StockLine line : lines) {
            NewLot lot = new NewLot(line.sku(), line.code(), line.location(), null, line.condition());
            requestLines.add(new RequestLine(requestLines.size(), null, lot, line.quantity(), line.unitCost(),
                    line.fields()));
        }
        String reference = "CSV import of opening stock, file SHA-256 " + contentHash.substring(0, 16) + ", part "
                + part + " of " + parts;
        return new AdjustmentCommand("opening", null, Map.of("reference", reference), requestLines);
    }

    /** Returns the rejection's problems as issues on the file lines behind the named request lines. */
    private static List<ImportIssue> issues(BusinessException e, List<StockLine> lines) {
        List<ImportIssue> issues = new ArrayList<>();
        for (Problem problem : e.problems()) {
            Matcher matcher = LINE_FIELD.matcher(problem.field());
            int index = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
            if (index < 0 || index >= lines.size()) {
                issues.add(new ImportIssue(null, null, problem.value(), problem.message()));
                continue;
            }
            String column = matcher.group(2) == null ? null : COLUMNS.get(matcher.group(2));
            for (int line : lines.get(index).lines()) {
                issues.add(new ImportIssue(line, column, problem.value(), problem.message()));
            }
        }
        if (issues.isEmpty()) {
            issues.add(new ImportIssue(null, null, null, e.getMessage()));
        }
        return issues;
    }
}

package org.lotkeeper.core.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.api.Problem;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.SubmissionKey;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.posting.BalanceHistory;
import org.lotkeeper.core.support.BusinessException;

/**
 * Imports counted quantities (columns {@code sku,lot,location,counted}) and posts them as one
 * stocktake document through the stocktake type, with each lot's current quantity as the
 * system quantity. A blank count means the lot was not counted and is skipped with a warning,
 * because blank is not zero; several rows for one lot add up. Lots whose count matches get no
 * entry but are recorded as counted.
 */
@ApplicationScoped
class StocktakeImport implements Importer<StocktakeImport.Plan> {

    private static final Logger LOG = Logger.getLogger(StocktakeImport.class.getName());

    static final String COUNTED = "counted";

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    AdjustmentService adjustments;

    /** The counted quantity of each lot, with the file lines it came from. */
    record Count(long lotId, BigDecimal counted, List<Integer> lines) {
    }

    /** The counts to post and the file's hash, which keys the document. */
    record Plan(List<Count> counts, String contentHash) {
    }

    @Override
    public Plan check(ImportFile file, ImportIssues issues) {
        ImportValues values = new ImportValues(issues);
        Map<Long, BigDecimal> counted = new LinkedHashMap<>();
        Map<Long, List<Integer>> lines = new LinkedHashMap<>();
        for (ImportRow row : file.rows()) {
            Lot lot = lot(row, values, issues);
            if (row.blank(COUNTED)) {
                if (lot != null) {
                    issues.warning(row, COUNTED, "No count for lot " + lot.getCode() + "; it is left as it is, because"
                            + " blank is not zero.");
                }
                continue;
            }
            BigDecimal quantity = values.number(row, COUNTED, true);
            if (lot == null || quantity == null) {
                continue;
            }
            int decimals = lot.getProduct().getDecimals();
            if (quantity.scale() > decimals) {
                issues.error(row, COUNTED, "Invalid counted " + quantity.toPlainString() + ": unit "
                        + lot.getProduct().getUnit() + " allows " + decimals + " decimals.");
                continue;
            }
            if (counted.containsKey(lot.getId())) {
                issues.warning(row, COUNTED, "Lot " + lot.getCode() + " is counted on several rows; the counts add up.");
            }
            counted.merge(lot.getId(), quantity, BigDecimal::add);
            lines.computeIfAbsent(lot.getId(), id -> new ArrayList<>()).add(row.line());
        }

        List<Count> counts = new ArrayList<>();
        counted.forEach((lotId, quantity) -> counts.add(new Count(lotId, quantity, lines.get(lotId))));
        return new Plan(counts, file.contentHash());
    }

    @Override
    public List<Long> earlierImport(String contentHash) {
        SubmissionKey key = em.find(SubmissionKey.class, clientKey(contentHash));
        return key == null ? List.of() : List.of(key.getDocumentId());
    }

    @Override
    public boolean changesAnything(Plan plan) {
        return !plan.counts().isEmpty();
    }

    @Override
    @Transactional
    public List<Long> apply(Plan plan) {
        List<RequestLine> requestLines = new ArrayList<>();
        for (Count count : plan.counts()) {
            requestLines.add(new RequestLine(requestLines.size(), count.lotId(), null, null, null,
                    Map.of(BalanceHistory.COUNTED_FIELD, count.counted().toPlainString())));
        }
        AdjustmentCommand command = new AdjustmentCommand(BalanceHistory.STOCKTAKE_TYPE, null,
                Map.of("source", "CSV import, file SHA-256 " + plan.contentHash().substring(0, 16)), requestLines);
        try {
            Submission submission = adjustments.submit(command, clientKey(plan.contentHash()), true);
            LOG.info(() -> "Imported a stocktake: lots=" + plan.counts().size() + " document="
                    + submission.document().getId());
            return List.of(submission.document().getId());
        } catch (BusinessException e) {
            throw new ImportApplyException(e, issues(e, plan.counts()));
        }
    }

    static String clientKey(String contentHash) {
        return "import/stocktake/" + contentHash;
    }

    private Lot lot(ImportRow row, ImportValues values, ImportIssues issues) {
        String sku = values.code(row, "sku");
        String code = values.code(row, "lot");
        String location = values.code(row, "location");
        if (sku == null || code == null || location == null) {
            return null;
        }
        Lot lot = em.createQuery("SELECT l FROM Lot l WHERE l.product.sku = :sku AND l.code = :code"
                        + " AND l.location.code = :location", Lot.class)
                .setParameter("sku", sku).setParameter("code", code).setParameter("location", location)
                .getResultStream().findFirst().orElse(null);
        if (lot == null) {
            issues.error(row, "lot", code, "No lot " + code + " of " + sku + " at " + location + " exists.");
        }
        return lot;
    }

    private static List<ImportIssue> issues(BusinessException e, List<Count> counts) {
        List<ImportIssue> issues = new ArrayList<>();
        for (Problem problem : e.problems()) {
            int index = lineIndex(problem.field());
            if (index < 0 || index >= counts.size()) {
                issues.add(new ImportIssue(null, null, problem.value(), problem.message()));
                continue;
            }
            for (int line : counts.get(index).lines()) {
                issues.add(new ImportIssue(line, COUNTED, problem.value(), problem.message()));
            }
        }
        if (issues.isEmpty()) {
            issues.add(new ImportIssue(null, null, null, e.getMessage()));
        }
        return issues;
    }

    private static int lineIndex(String field) {
        if (!field.startsWith("lines[")) {
            return -1;
        }
        int end = field.indexOf(']');
        try {
            return Integer.parseInt(field.substring(6, end));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}

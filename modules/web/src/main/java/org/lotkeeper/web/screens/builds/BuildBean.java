package org.lotkeeper.web.screens.builds;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.DocumentStatus;
import org.lotkeeper.core.adjustments.DuplicateSubmissionException;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.posting.PostedLine;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;
import org.lotkeeper.web.screens.adjustments.LotLabels;
import org.lotkeeper.web.screens.adjustments.PreviewRow;

/**
 * The assembly build screen. The user picks the assembly and the quantity, sees the bill of
 * materials with the lots first-expiry-first-out would consume and any shortage, may choose
 * another lot per component, previews and posts. The document is an ordinary
 * {@code assembly-build} adjustment: the type decides the lines and the core posts them.
 */
@Named("build")
@ViewScoped
public class BuildBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(BuildBean.class.getName());

    static final String TYPE_ID = "assembly-build";

    static final String FORM = "build";

    /** Maximum suggestions an auto-complete input shows. */
    static final int SUGGESTIONS = 20;

    private static final Pattern LINE_PATH = Pattern.compile("lines\\[(\\d+)].*");

    @Inject
    BuildPlanner planner;

    @Inject
    AdjustmentService adjustments;

    @Inject
    CatalogService catalog;

    @Inject
    LotLabels lotLabels;

    @Inject
    BusinessCalendar calendar;

    private String assembly;
    private BigDecimal quantity;
    private String outputLot;
    private String outputLocation;
    private String outputExpiry;
    private BigDecimal extraCost;
    private String effectiveDate;
    private List<ComponentRow> components = List.of();
    private final ArrayList<String> componentOfLine = new ArrayList<>();
    private List<PreviewRow> preview = List.of();
    private String submissionKey;

    @PostConstruct
    void open() {
        submissionKey = UUID.randomUUID().toString();
    }

    /** Shows the bill of materials with suggested lots, keeping the lots chosen so far. */
    public void showComponents() {
        preview = List.of();
        Map<String, Long> chosen = chosenLots();
        components = List.of();
        if (readyToPlan()) {
            plan(chosen);
        }
    }

    /** Plans again after the user changed a component's lot. */
    public void lotChanged() {
        preview = List.of();
        plan(chosenLots());
    }

    private void plan(Map<String, Long> chosen) {
        try {
            components = planner.plan(assembly.strip(), quantity, date(), chosen);
            if (components.isEmpty()) {
                ProblemMessages.error(FORM + ":assembly", "Product " + assembly.strip()
                        + " has no bill of materials, so it cannot be built.");
            }
        } catch (BusinessException e) {
            ProblemMessages.show(e, this::clientIdOf);
        }
    }

    private boolean readyToPlan() {
        boolean ready = true;
        if (assembly == null || assembly.isBlank()) {
            ProblemMessages.error(FORM + ":assembly", "Enter the sku of the product to build.");
            ready = false;
        } else if (catalog.findProduct(assembly.strip()).isEmpty()) {
            ProblemMessages.error(FORM + ":assembly", "No product has the sku " + assembly.strip() + ".");
            ready = false;
        }
        if (quantity == null || quantity.signum() <= 0) {
            ProblemMessages.error(FORM + ":quantity", "Enter the quantity to build as a number greater than zero.");
            ready = false;
        }
        return ready && date() != null;
    }

    /** Shows what posting would do to each lot, without posting. */
    public void preview() {
        preview = List.of();
        try {
            preview = rows(adjustments.preview(command()));
        } catch (BusinessException e) {
            ProblemMessages.show(e, this::clientIdOf);
        }
    }

    /** Posts the build and opens the output lot, or the document when it waits for approval. */
    public String post() {
        try {
            AdjustmentCommand command = command();
            Submission submission = submitOnce(command);
            long documentId = submission.document().getId();
            if (submission.document().getStatus() == DocumentStatus.SUBMITTED) {
                ProblemMessages.infoAfterRedirect("Submitted build document " + documentId + " for approval.");
                return "/adjustment?faces-redirect=true&id=" + documentId;
            }
            ProblemMessages.infoAfterRedirect(submission.replayed()
                    ? "This build was already posted as document " + documentId + "; nothing was posted again."
                    : "Posted build document " + documentId + ".");
            List<Long> outputs = outputLots(documentId);
            return outputs.size() == 1 ? "/lot?faces-redirect=true&id=" + outputs.get(0)
                    : "/adjustment?faces-redirect=true&id=" + documentId;
        } catch (BusinessException e) {
            ProblemMessages.show(e, this::clientIdOf);
            return null;
        }
    }

    private Submission submitOnce(AdjustmentCommand command) {
        try {
            return adjustments.submit(command, submissionKey, true);
        } catch (DuplicateSubmissionException e) {
            // The same form was posted twice at the same moment and the other request won.
            LOG.fine(() -> "Repeated build submission key " + submissionKey + " resolved to the first document");
            return adjustments.replayAfterRace(command, submissionKey);
        }
    }

    private List<Long> outputLots(long documentId) {
        return adjustments.entriesOf(documentId).stream().filter(entry -> entry.getQuantity().signum() > 0)
                .map(LedgerEntry::getLotId).distinct().toList();
    }

    /**
     * Returns the command for the form: the document fields, and one line per component whose
     * lot the user chose, for exactly the quantity the build needs of it.
     */
    AdjustmentCommand command() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "assembly", assembly);
        put(fields, "quantity", quantity == null ? null : quantity.toPlainString());
        put(fields, "outputLot", outputLot);
        put(fields, "outputLocation", outputLocation);
        put(fields, "outputExpiry", outputExpiry);
        put(fields, "extraCost", extraCost == null ? null : extraCost.toPlainString());
        List<RequestLine> lines = new ArrayList<>();
        componentOfLine.clear();
        for (ComponentRow row : components) {
            if (row.getChosenLotId() != null) {
                lines.add(new RequestLine(lines.size(), row.getChosenLotId(), null, row.getNeeded(), null, Map.of()));
                componentOfLine.add(row.getSku());
            }
        }
        LocalDate date = parsedDate();
        return new AdjustmentCommand(TYPE_ID, date, fields, lines);
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.strip());
        }
    }

    private Map<String, Long> chosenLots() {
        Map<String, Long> chosen = new HashMap<>();
        components.forEach(row -> {
            if (row.getChosenLotId() != null) {
                chosen.put(row.getSku(), row.getChosenLotId());
            }
        });
        return chosen;
    }

    /** Returns the effective date, today when none was entered, or {@code null} after reporting an invalid date. */
    private LocalDate date() {
        if (effectiveDate == null || effectiveDate.isBlank()) {
            return calendar.today();
        }
        try {
            return LocalDate.parse(effectiveDate.strip());
        } catch (DateTimeParseException e) {
            ProblemMessages.error(FORM + ":effectiveDate", "Enter a date such as 2025-03-31, not " + effectiveDate + ".");
            return null;
        }
    }

    private LocalDate parsedDate() {
        if (effectiveDate == null || effectiveDate.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(effectiveDate.strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("effectiveDate", effectiveDate, "Enter a date such as 2025-03-31.");
        }
    }

    /** Returns the input for a field path of a rejection, or {@code null} to show it at the top. */
    private String clientIdOf(String path) {
        if (path == null) {
            return null;
        }
        if (path.equals("effectiveDate")) {
            return FORM + ":effectiveDate";
        }
        if (path.startsWith("fields.")) {
            String field = path.substring("fields.".length());
            return List.of("assembly", "quantity", "outputLot", "outputLocation", "outputExpiry", "extraCost")
                    .contains(field) ? FORM + ":" + field : null;
        }
        Matcher line = LINE_PATH.matcher(path);
        if (line.matches()) {
            int index = Integer.parseInt(line.group(1));
            if (index < componentOfLine.size()) {
                String sku = componentOfLine.get(index);
                for (int row = 0; row < components.size(); row++) {
                    if (components.get(row).getSku().equals(sku)) {
                        return FORM + ":components:" + row + ":lot";
                    }
                }
            }
        }
        return null;
    }

    private List<PreviewRow> rows(List<PostedLine> lines) {
        List<PreviewRow> rows = new ArrayList<>();
        for (PostedLine line : lines) {
            rows.add(new PreviewRow(line, lotLabels.labelOf(line.lotId())));
        }
        return rows;
    }

    /** Suggests assembly skus: products with a bill of materials. */
    public List<String> completeAssembly(String query) {
        return catalog.products(query, 0, SUGGESTIONS * 5).stream().filter(Product::isAssembly).map(Product::getSku)
                .limit(SUGGESTIONS).toList();
    }

    /** Suggests location codes. */
    public List<String> completeLocation(String query) {
        String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return catalog.locations().stream().map(Location::getCode)
                .filter(code -> code.toLowerCase(Locale.ROOT).contains(text)).limit(SUGGESTIONS).toList();
    }

    /** Returns whether any component lacks stock, so posting would be rejected. */
    public boolean isShortOfStock() {
        return components.stream().anyMatch(ComponentRow::isShortOfStock);
    }

    public List<ComponentRow> getComponents() {
        return components;
    }

    public List<PreviewRow> getPreview() {
        return preview;
    }

    public String getAssembly() {
        return assembly;
    }

    public void setAssembly(String assembly) {
        this.assembly = assembly;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getOutputLot() {
        return outputLot;
    }

    public void setOutputLot(String outputLot) {
        this.outputLot = outputLot;
    }

    public String getOutputLocation() {
        return outputLocation;
    }

    public void setOutputLocation(String outputLocation) {
        this.outputLocation = outputLocation;
    }

    /** Returns the output's last day of use as entered, in ISO format. */
    public String getOutputExpiry() {
        return outputExpiry;
    }

    public void setOutputExpiry(String outputExpiry) {
        this.outputExpiry = outputExpiry;
    }

    public BigDecimal getExtraCost() {
        return extraCost;
    }

    public void setExtraCost(BigDecimal extraCost) {
        this.extraCost = extraCost;
    }

    public String getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(String effectiveDate) {
        this.effectiveDate = effectiveDate;
    }
}

package org.lotkeeper.web.screens.adjustments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.FieldScope;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.DocumentStatus;
import org.lotkeeper.core.adjustments.DuplicateSubmissionException;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeRegistry;
import org.lotkeeper.core.plugins.TypeSettingsService;
import org.lotkeeper.core.posting.PostedLine;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;

/**
 * The new-adjustment screen. Without a {@code type} parameter it lists the enabled types; with
 * one it shows that type's form, generated from its field descriptors.
 *
 * <p>A submission key is drawn when the form opens and sent with every post from it, so a post
 * that is repeated (a double click, or a retry after a lost response) returns the document the
 * first one created instead of posting again.
 */
@Named("newAdjustment")
@ViewScoped
public class NewAdjustmentBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(NewAdjustmentBean.class.getName());

    /** Most suggestions an auto-complete input shows. */
    static final int SUGGESTIONS = 20;

    @Inject
    TypeRegistry registry;

    @Inject
    TypeSettingsService settings;

    @Inject
    AdjustmentService adjustments;

    @Inject
    CatalogService catalog;

    @Inject
    LotLabels lotLabels;

    @Inject
    ExternalContext external;

    private TypeDescriptor type;
    private List<String> reasonCodes = List.of();
    private AdjustmentForm form;
    private String submissionKey;
    private List<PreviewRow> preview = List.of();

    /**
     * Reads the {@code type} request parameter. This runs when the page first refers to the bean,
     * before the form is built, because the form's inputs depend on the type.
     */
    @PostConstruct
    void open() {
        String typeId = external.getRequestParameterMap().get("type");
        if (typeId == null || typeId.isBlank()) {
            return;
        }
        RegisteredType registered = registry.find(typeId.strip()).orElse(null);
        if (registered == null || !registered.loaded() || !settings.settingsOf(registered.id()).enabled()) {
            ProblemMessages.error("Adjustment type '" + typeId.strip() + "' does not exist or is disabled; choose one of the types below.");
            return;
        }
        type = registered.descriptor();
        reasonCodes = settings.settingsOf(type.id()).reasonCodes();
        form = new AdjustmentForm(type.id());
        submissionKey = UUID.randomUUID().toString();
    }

    /** Returns the loaded, enabled types, for choosing one. */
    public List<TypeDescriptor> getTypes() {
        List<TypeDescriptor> types = new ArrayList<>();
        for (RegisteredType registered : registry.all()) {
            if (registered.loaded() && settings.settingsOf(registered.id()).enabled()) {
                types.add(registered.descriptor());
            }
        }
        return types;
    }

    public TypeDescriptor getType() {
        return type;
    }

    public AdjustmentForm getForm() {
        return form;
    }

    public List<FieldDescriptor> getDocumentFields() {
        return fields(FieldScope.DOCUMENT);
    }

    public List<FieldDescriptor> getLineFields() {
        return fields(FieldScope.LINE);
    }

    private List<FieldDescriptor> fields(FieldScope scope) {
        return type == null ? List.of() : type.fields().stream().filter(field -> field.scope() == scope).toList();
    }

    /** Returns the reason codes an admin configured for the type; empty means the type's own defaults apply. */
    public List<String> getReasonCodes() {
        return reasonCodes;
    }

    /**
     * Returns the codes a reason field offers: those an admin configured, or else the defaults the
     * type declares on the field. Empty when neither exists, and the form then shows a text input.
     */
    public List<String> reasonCodesFor(FieldDescriptor field) {
        return reasonCodes.isEmpty() ? field.choices() : reasonCodes;
    }

    /** Returns whether lines may add stock, so the form has a unit cost column. */
    public boolean isPositiveLines() {
        return type != null && type.allows(LineSign.POSITIVE);
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public List<PreviewRow> getPreview() {
        return preview;
    }

    public void addLine() {
        form.getLines().add(new LineForm());
    }

    public void removeLine(LineForm line) {
        form.getLines().remove(line);
        preview = List.of();
    }

    /** Shows what posting would do to each lot, without posting. */
    public void preview() {
        preview = List.of();
        try {
            AdjustmentCommand command = form.toCommand();
            preview = rows(adjustments.preview(command));
        } catch (BusinessException e) {
            showWithOtherLines(e);
        }
    }

    /** Posts the document (or submits it for approval) and opens it. */
    public String post() {
        try {
            AdjustmentCommand command = form.toCommand();
            Submission submission = submitOnce(command);
            long id = submission.document().getId();
            ProblemMessages.infoAfterRedirect(outcomeText(submission));
            return "/adjustment?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            showWithOtherLines(e);
            return null;
        }
    }

    /**
     * Shows the problems of a rejection. When numbers in some rows could not be read, the other
     * rows are checked as well, without posting, so that the user sees every problem at once.
     */
    private void showWithOtherLines(BusinessException rejection) {
        List<org.lotkeeper.api.Problem> problems = new ArrayList<>(rejection.problems());
        AdjustmentCommand readable = form.readablePart();
        if (readable != null) {
            try {
                adjustments.preview(readable);
            } catch (BusinessException rules) {
                problems.addAll(rules.problems());
            }
        }
        ProblemMessages.show(new BusinessException(rejection.code(), rejection.getMessage(), problems),
                path -> FormIds.clientIdOf(path, form.rowOfLine()));
    }

    private Submission submitOnce(AdjustmentCommand command) {
        try {
            return adjustments.submit(command, submissionKey, true);
        } catch (DuplicateSubmissionException e) {
            // The same form was posted twice at the same moment and the other request won.
            LOG.fine(() -> "Repeated submission key " + submissionKey + " resolved to the first document");
            return adjustments.replayAfterRace(command, submissionKey);
        }
    }

    private static String outcomeText(Submission submission) {
        long id = submission.document().getId();
        if (submission.replayed()) {
            return "This form was already posted as document " + id + "; nothing was posted again.";
        }
        if (submission.document().getStatus() == DocumentStatus.SUBMITTED) {
            return "Submitted document " + id + " for approval.";
        }
        return "Posted document " + id + ".";
    }

    private List<PreviewRow> rows(List<PostedLine> lines) {
        List<PreviewRow> rows = new ArrayList<>();
        for (PostedLine line : lines) {
            rows.add(new PreviewRow(line, lotLabels.labelOf(line.lotId())));
        }
        return rows;
    }

    /** Suggests product skus for a product input. */
    public List<String> completeProduct(String query) {
        return catalog.products(query, 0, SUGGESTIONS).stream().map(Product::getSku).toList();
    }

    /** Suggests location codes for a location input. */
    public List<String> completeLocation(String query) {
        String text = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        return catalog.locations().stream().map(Location::getCode)
                .filter(code -> code.toLowerCase(java.util.Locale.ROOT).contains(text)).limit(SUGGESTIONS).toList();
    }
}

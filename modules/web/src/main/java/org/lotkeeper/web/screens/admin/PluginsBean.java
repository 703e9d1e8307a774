package org.lotkeeper.web.screens.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.plugins.JarChecksums;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeCallStats;
import org.lotkeeper.core.plugins.TypeInvoker;
import org.lotkeeper.core.plugins.TypeRegistry;
import org.lotkeeper.core.plugins.TypeSettingsService;
import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;

/**
 * The plugins page: every registered adjustment type with its status and usage, buttons that
 * enable or disable it, and a dialog for its approval, backdating and reason-code settings. The
 * list is read on first use, so a non-admin who opens the page triggers no service call.
 */
@Named("adminPlugins")
@ViewScoped
public class PluginsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TypeRegistry registry;

    @Inject
    TypeSettingsService settings;

    @Inject
    TypeInvoker invoker;

    @Inject
    AdjustmentService adjustments;

    @Inject
    JarChecksums checksums;

    private List<PluginRow> rows;

    private String configuredId;
    private boolean approvalRequired;
    private Integer backdatingDays;
    private String reasonCodes;

    /** Returns the types in registration order, read once per view and again after each change. */
    public List<PluginRow> getRows() {
        if (rows == null) {
            rows = readRows();
        }
        return rows;
    }

    private List<PluginRow> readRows() {
        Map<String, Long> usage = adjustments.countByType();
        List<PluginRow> result = new ArrayList<>();
        for (RegisteredType type : registry.all()) {
            TypeDescriptor descriptor = type.descriptor();
            String status = !type.loaded() ? PluginRow.FAILED
                    : settings.settingsOf(type.id()).enabled() ? PluginRow.ENABLED : PluginRow.DISABLED;
            result.add(new PluginRow(type.id(),
                    descriptor == null ? "" : descriptor.name(),
                    descriptor == null ? "" : descriptor.version(),
                    descriptor == null ? null : descriptor.spiVersion(),
                    type.source(),
                    checksums.of(type).orElse(""),
                    status,
                    type.failure(),
                    usage.getOrDefault(type.id(), 0L),
                    summary(invoker.stats(type.id())),
                    invoker.stats(type.id()).lastFailure()));
        }
        return result;
    }

    /** Describes a type's call troubles in a few words, empty when it has none. */
    static String summary(TypeCallStats stats) {
        List<String> parts = new ArrayList<>();
        if (stats.failed() > 0) {
            parts.add(stats.failed() + " failed" + (stats.timedOut() > 0 ? " (" + stats.timedOut() + " timed out)" : ""));
        }
        if (stats.refused() > 0) {
            parts.add(stats.refused() + " refused");
        }
        if (stats.inFlight() > 0) {
            parts.add(stats.inFlight() + " running");
        }
        return String.join(", ", parts);
    }

    /** Lets new documents of the type be created and posted again. */
    public void enable(String typeId) {
        setEnabled(typeId, true);
    }

    /** Rejects new documents of the type and postings of its drafts until it is enabled again. */
    public void disable(String typeId) {
        setEnabled(typeId, false);
    }

    private void setEnabled(String typeId, boolean enabled) {
        try {
            TypeSettingsView current = settings.settingsOf(typeId);
            settings.update(typeId, enabled, current.approvalRequired(), current.backdatingDays(),
                    current.reasonCodes(), current.properties());
            ProblemMessages.info((enabled ? "Enabled" : "Disabled") + " type " + typeId + ".");
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
        rows = null;
    }

    /** Loads the settings of a type into the configure dialog. */
    public void startConfigure(String typeId) {
        TypeSettingsView current = settings.settingsOf(typeId);
        configuredId = typeId;
        approvalRequired = current.approvalRequired();
        backdatingDays = current.backdatingDays();
        reasonCodes = String.join(", ", current.reasonCodes());
    }

    /**
     * Saves the dialog's settings, keeping whether the type is enabled and its properties. A
     * rejected value is shown next to its input and the dialog stays open.
     */
    public void saveConfiguration() {
        if (backdatingDays == null) {
            ProblemMessages.error("configureForm:backdatingDays", "Enter the backdating window in days.");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            TypeSettingsView current = settings.settingsOf(configuredId);
            settings.update(configuredId, current.enabled(), approvalRequired, backdatingDays, parseReasonCodes(),
                    current.properties());
            ProblemMessages.info("Saved the settings of type " + configuredId + ".");
            rows = null;
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> switch (field) {
                case "backdatingDays" -> "configureForm:backdatingDays";
                case "reasonCodes" -> "configureForm:reasonCodes";
                default -> null;
            });
        }
    }

    /** Splits the comma-separated reason codes and drops blanks. An empty field means the type uses its own codes. */
    private List<String> parseReasonCodes() {
        if (reasonCodes == null) {
            return List.of();
        }
        return Arrays.stream(reasonCodes.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    public String getConfiguredId() {
        return configuredId;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    /** Returns the days before today a document of the type may be dated. */
    public Integer getBackdatingDays() {
        return backdatingDays;
    }

    public void setBackdatingDays(Integer backdatingDays) {
        this.backdatingDays = backdatingDays;
    }

    public int getMaxBackdatingDays() {
        return TypeSettingsService.MAX_BACKDATING_DAYS;
    }

    public String getReasonCodes() {
        return reasonCodes;
    }

    public void setReasonCodes(String reasonCodes) {
        this.reasonCodes = reasonCodes;
    }
}

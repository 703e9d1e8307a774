package org.lotkeeper.web.screens.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.api.FieldKind;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.plugins.JarChecksums;
import org.lotkeeper.core.plugins.JarInfo;
import org.lotkeeper.core.plugins.PluginService;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeCallStats;
import org.lotkeeper.core.plugins.TypeInvoker;
import org.lotkeeper.core.plugins.TypeRegistry;
import org.lotkeeper.core.plugins.TypeSettingsService;
import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;
import org.primefaces.model.file.UploadedFile;

/**
 * The plugins page: every registered adjustment type with its jar (file name, size and SHA-256),
 * status and usage, buttons that enable or disable it, a dialog for its approval, backdating and
 * reason-code settings, a form that uploads and installs a plugin jar, and a button that
 * uninstalls an uploaded one. The list is read on first use, so a non-admin who opens the page
 * triggers no service call.
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

    @Inject
    PluginService plugins;

    private List<PluginRow> rows;

    /** The jar chosen in the upload form; it lives for the one request that installs it. */
    private transient UploadedFile jar;

    private String configuredId;
    private boolean approvalRequired;
    private Integer backdatingDays;
    private String reasonCodes;
    private List<String> defaultReasonCodes = List.of();

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
            JarInfo jarInfo = checksums.info(type).orElse(null);
            result.add(new PluginRow(type.id(),
                    descriptor == null ? "" : descriptor.name(),
                    descriptor == null ? "" : descriptor.version(),
                    descriptor == null ? null : descriptor.spiVersion(),
                    type.source(),
                    jarInfo == null ? "" : jarInfo.sha256(),
                    status,
                    type.failure(),
                    usage.getOrDefault(type.id(), 0L),
                    summary(invoker.stats(type.id())),
                    invoker.stats(type.id()).lastFailure(),
                    jarInfo == null ? type.source() : jarInfo.fileName(),
                    jarInfo == null ? null : jarInfo.size(),
                    type.uploaded()));
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

    /**
     * Checks and installs the chosen jar. After an install the page is loaded again, so that
     * every list on it shows the new type; a refusal is shown on the page as it is.
     */
    public String install() {
        if (jar == null || jar.getFileName() == null || jar.getFileName().isBlank()) {
            ProblemMessages.error("Choose a plugin jar first.");
            return null;
        }
        try (InputStream content = jar.getInputStream()) {
            PluginService.Outcome outcome = plugins.install(jar.getFileName(), content);
            ProblemMessages.infoAfterRedirect(outcome.message());
            return "/admin/plugins?faces-redirect=true";
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
            return null;
        } catch (IOException e) {
            ProblemMessages.error("The upload of " + jar.getFileName() + " could not be read: " + e.getMessage());
            return null;
        } finally {
            discardUpload();
            rows = null;
        }
    }

    private void discardUpload() {
        try {
            jar.delete();
        } catch (IOException | RuntimeException e) {
            // The container removes the temporary file at the end of the request anyway.
        }
        jar = null;
    }

    /** Uninstalls an uploaded jar; its types disappear and their documents stay readable. */
    public void uninstall(String fileName) {
        try {
            ProblemMessages.info(plugins.uninstall(fileName).message());
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
        rows = null;
    }

    public UploadedFile getJar() {
        return jar;
    }

    public void setJar(UploadedFile jar) {
        this.jar = jar;
    }

    /** Returns the largest jar accepted, for the page's hint. */
    public String getMaxJarSize() {
        return PluginService.MAX_JAR_BYTES / (1024 * 1024) + " MiB";
    }

    /** Returns the SPI versions this server supports, for the page's help. */
    public String getSpiVersions() {
        return org.lotkeeper.api.SpiVersion.supportedRange();
    }

    /** Returns the folder uploaded jars are kept in, for the page's help. */
    public String getPluginFolder() {
        return plugins.folder();
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
        defaultReasonCodes = registry.find(typeId)
                .filter(RegisteredType::loaded)
                .map(type -> type.descriptor().fields().stream()
                        .filter(field -> field.kind() == FieldKind.REASON_CODE)
                        .flatMap(field -> field.choices().stream())
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    /** Returns the reason codes the type in the configure dialog uses while none are configured. */
    public String getDefaultReasonCodes() {
        return defaultReasonCodes.isEmpty() ? "none declared" : String.join(", ", defaultReasonCodes);
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

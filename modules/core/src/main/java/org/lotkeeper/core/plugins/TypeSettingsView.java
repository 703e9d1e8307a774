package org.lotkeeper.core.plugins;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lotkeeper.api.TypeSettings;
import org.lotkeeper.core.support.JsonColumns;

/**
 * The settings of one type as the core uses them.
 *
 * @param enabled          whether new documents of the type may be created and posted
 * @param approvalRequired whether posting needs an admin's approval after submission
 * @param backdatingDays   how many days before today a document may be dated
 * @param reasonCodes      allowed reason codes, empty for the type's defaults
 * @param properties       type-specific configuration properties
 */
public record TypeSettingsView(boolean enabled, boolean approvalRequired, int backdatingDays, List<String> reasonCodes,
                               Map<String, String> properties) {

    static final TypeSettingsView DEFAULTS = new TypeSettingsView(true, false, TypeSetting.DEFAULT_BACKDATING_DAYS,
            List.of(), Map.of());

    static TypeSettingsView of(TypeSetting setting) {
        List<String> reasons = setting.getReasonCodes().isBlank() ? List.of()
                : Arrays.stream(setting.getReasonCodes().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new TypeSettingsView(setting.isEnabled(), setting.isApprovalRequired(), setting.getBackdatingDays(),
                reasons, JsonColumns.read(setting.getPropertiesJson()));
    }

    /** Returns the part of the settings a type sees. */
    public TypeSettings forType() {
        return new TypeSettings(reasonCodes, properties);
    }
}

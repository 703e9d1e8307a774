package org.lotkeeper.core.plugins;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.JsonColumns;

/** Reads and changes the settings admins store per adjustment type. */
@ApplicationScoped
public class TypeSettingsService {

    private static final Logger LOG = Logger.getLogger(TypeSettingsService.class.getName());

    /** Maximum backdating window, in days (ten years). */
    public static final int MAX_BACKDATING_DAYS = 3660;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    TypeRegistry registry;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    /** Returns the settings of a type, or the defaults when no admin has configured it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TypeSettingsView settingsOf(String typeId) {
        TypeSetting setting = em.find(TypeSetting.class, typeId);
        return setting == null ? TypeSettingsView.DEFAULTS : TypeSettingsView.of(setting);
    }

    /** Replaces the settings of a type; admin only. */
    @Transactional
    public TypeSettingsView update(String typeId, boolean enabled, boolean approvalRequired, int backdatingDays,
                                   List<String> reasonCodes, Map<String, String> properties) {
        caller.require(Role.ADMIN, "type.configure", typeId);
        if (registry.find(typeId).isEmpty()) {
            throw BusinessException.notFound("typeId", typeId, "Adjustment type");
        }
        if (backdatingDays < 0 || backdatingDays > MAX_BACKDATING_DAYS) {
            throw BusinessException.invalid("backdatingDays", backdatingDays,
                    "The backdating window must be between 0 and " + MAX_BACKDATING_DAYS + " days.");
        }
        for (String code : reasonCodes) {
            if (!code.matches("[A-Za-z0-9_-]{1,60}")) {
                throw BusinessException.invalid("reasonCodes", code,
                        "A reason code has 1 to 60 letters, digits, hyphens or underscores.");
            }
        }

        TypeSetting setting = em.find(TypeSetting.class, typeId);
        if (setting == null) {
            setting = new TypeSetting(typeId, calendar.now(), caller.name());
            em.persist(setting);
        }
        setting.update(enabled, approvalRequired, backdatingDays, String.join(",", reasonCodes),
                JsonColumns.write(properties), calendar.now(), caller.name());

        String detail = "enabled=" + enabled + " approval=" + approvalRequired + " backdatingDays=" + backdatingDays
                + " reasons=" + reasonCodes;
        audit.record(caller.name(), "type.configure", typeId, AuditLog.SUCCESS, detail);
        LOG.info(() -> "Type settings changed: type='" + typeId + "' user='" + caller.name() + "' " + detail);
        return TypeSettingsView.of(setting);
    }
}

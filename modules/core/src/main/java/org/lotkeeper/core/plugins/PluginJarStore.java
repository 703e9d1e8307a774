package org.lotkeeper.core.plugins;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * The {@code plugin_jar} table: the installed plugin jars that every server sharing the database
 * loads. An insert or delete locks the table until it commits, and writes its audit event in the
 * same transaction, so installs and uninstalls on different servers happen one after another.
 */
@ApplicationScoped
public class PluginJarStore {

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    /**
     * Returns every stored jar without its content, by file name: the cheap query servers repeat.
     * It opens a transaction when it has none, so the periodic check on the managed executor gets
     * a transaction-scoped EntityManager instead of one tied to a component invocation.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<StoredJar> list() {
        List<Object[]> rows = em.createQuery("SELECT j.fileName, j.sha256, j.size FROM PluginJar j ORDER BY j.fileName",
                Object[].class).getResultList();
        return rows.stream().map(row -> new StoredJar((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    /** Returns the content of a stored jar, or empty when no row has this file name and checksum any more. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<byte[]> content(StoredJar jar) {
        return em.createQuery("SELECT j.content FROM PluginJar j WHERE j.fileName = :name AND j.sha256 = :sha",
                        byte[].class)
                .setParameter("name", jar.fileName())
                .setParameter("sha", jar.sha256())
                .getResultStream().findFirst();
    }

    /**
     * Stores a checked jar and its audit event in one transaction.
     *
     * @param checkedAgainst the stored jars the checks compared the new jar with. When the table
     *                       no longer contains exactly these, another server changed it
     *                       meanwhile, and nothing is stored.
     * @throws BusinessException 409 when the table changed since {@code checkedAgainst} was read
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void insert(List<StoredJar> checkedAgainst, StoredJar jar, byte[] content, String user, String action,
                       String detail) {
        lockTable();
        if (!list().equals(checkedAgainst)) {
            throw new BusinessException(ErrorCode.CONFLICT, "file", jar.fileName(), jar.fileName() + " was not installed:"
                    + " another server installed or uninstalled a plugin during the checks; upload it again.");
        }
        em.persist(new PluginJar(jar, content, user, calendar.now()));
        audit.record(user, action, jar.fileName(), AuditLog.SUCCESS, detail);
    }

    /**
     * Deletes a stored jar and writes the audit event in one transaction. Returns false, and
     * records nothing, when no row has this file name and checksum any more.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(StoredJar jar, String user, String action, String detail) {
        lockTable();
        int deleted = em.createQuery("DELETE FROM PluginJar j WHERE j.fileName = :name AND j.sha256 = :sha")
                .setParameter("name", jar.fileName())
                .setParameter("sha", jar.sha256())
                .executeUpdate();
        if (deleted == 0) {
            return false;
        }
        audit.record(user, action, jar.fileName(), AuditLog.SUCCESS, detail);
        return true;
    }

    /** Holds other writers of the table off until this transaction ends (Derby and PostgreSQL accept the statement). */
    private void lockTable() {
        em.createNativeQuery("LOCK TABLE plugin_jar IN EXCLUSIVE MODE").executeUpdate();
    }
}

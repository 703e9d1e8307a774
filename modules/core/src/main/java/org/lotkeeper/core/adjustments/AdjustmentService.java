package org.lotkeeper.core.adjustments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import jakarta.annotation.Resource;

import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeRegistry;
import org.lotkeeper.core.plugins.TypeSettingsService;
import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.posting.PostedLine;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;
import org.lotkeeper.core.support.JsonColumns;

/**
 * Creates, posts, approves and reverses adjustment documents. Every method checks the caller's
 * role first and runs in one transaction.
 */
@ApplicationScoped
public class AdjustmentService {

    private static final Logger LOG = Logger.getLogger(AdjustmentService.class.getName());

    /** Most lines one document may have. */
    public static final int MAX_LINES = 20_000;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    @Inject
    TypeRegistry registry;

    @Inject
    TypeSettingsService settings;

    @Inject
    DocumentPoster poster;

    @Inject
    ReversalPoster reversals;

    /**
     * Creates a document from a request and, when {@code post} is set, posts it in the same
     * transaction. A type that requires approval is submitted instead of posted. A client key
     * seen before returns the original document when the request is the same, and is rejected
     * when it differs.
     */
    @Transactional
    public Submission submit(AdjustmentCommand command, String clientKey, boolean post) {
        caller.require(Role.STAFF, "adjustment.create", command.typeId());

        String fingerprint = command.fingerprint();
        Optional<AdjustmentDocument> earlier = replay(clientKey, fingerprint);
        if (earlier.isPresent()) {
            return new Submission(earlier.get(), true, List.of());
        }

        TypeSettingsView typeSettings = settings.settingsOf(command.typeId());
        RegisteredType type = usableType(command.typeId(), typeSettings);
        LocalDate date = command.effectiveDate() == null ? calendar.today() : command.effectiveDate();
        EffectiveDates.check(type.id(), date, calendar.today(), typeSettings);
        checkLineCount(command.lines());

        AdjustmentDocument document = new AdjustmentDocument(type.id(), date, calendar.effectiveInstant(date),
                JsonColumns.write(command.fields()), caller.name(), calendar.now());
        document.identify(clientKey, fingerprint);
        command.lines().forEach(line -> document.addLine(RequestLineEntity.of(line)));
        persistDocument(document, clientKey);

        List<PostedLine> posted = List.of();
        if (post && typeSettings.approvalRequired()) {
            document.markSubmitted(caller.name(), calendar.now());
        } else if (post) {
            posted = poster.post(document, type, typeSettings, caller.name());
        }
        audit.record(caller.name(), post ? "adjustment.post" : "adjustment.create", "document " + document.getId(),
                AuditLog.SUCCESS, "type " + type.id() + ", status " + document.getStatus());
        return new Submission(document, false, posted);
    }

    /**
     * Runs a request through its type and the posting checks, returns what posting would write,
     * and rolls everything back.
     */
    @Transactional
    public List<PostedLine> preview(AdjustmentCommand command) {
        caller.require(Role.VIEWER, "adjustment.preview", command.typeId());
        transactions.setRollbackOnly();

        TypeSettingsView typeSettings = settings.settingsOf(command.typeId());
        RegisteredType type = usableType(command.typeId(), typeSettings);
        LocalDate date = command.effectiveDate() == null ? calendar.today() : command.effectiveDate();
        EffectiveDates.check(type.id(), date, calendar.today(), typeSettings);
        checkLineCount(command.lines());

        AdjustmentDocument document = new AdjustmentDocument(type.id(), date, calendar.effectiveInstant(date),
                JsonColumns.write(command.fields()), caller.name(), calendar.now());
        command.lines().forEach(line -> document.addLine(RequestLineEntity.of(line)));
        em.persist(document);
        em.flush();
        return poster.post(document, type, typeSettings, caller.name());
    }

    /** Returns the document created with this client key, for a request that lost a race on it. */
    @Transactional
    public Submission replayAfterRace(AdjustmentCommand command, String clientKey) {
        return replay(clientKey, command.fingerprint())
                .map(document -> new Submission(document, true, List.of()))
                .orElseThrow(() -> new BusinessException(ErrorCode.CONFLICT, "Idempotency-Key", clientKey,
                        "The request with this Idempotency-Key failed; send it again."));
    }

    /** Posts a draft. A type that requires approval must be submitted and approved instead. */
    @Transactional
    public Submission post(long documentId) {
        caller.require(Role.STAFF, "adjustment.post", "document " + documentId);
        AdjustmentDocument document = lockDocument(documentId);
        requireStatus(document, DocumentStatus.DRAFT);

        TypeSettingsView typeSettings = settings.settingsOf(document.getTypeId());
        RegisteredType type = usableType(document.getTypeId(), typeSettings);
        if (typeSettings.approvalRequired()) {
            throw BusinessException.rule("status", document.getStatus(), "Type '" + type.id()
                    + "' requires approval: submit document " + documentId + " for approval instead of posting it.");
        }
        EffectiveDates.check(type.id(), document.getEffectiveDate(), calendar.today(), typeSettings);

        List<PostedLine> posted = poster.post(document, type, typeSettings, caller.name());
        audit.record(caller.name(), "adjustment.post", "document " + documentId, AuditLog.SUCCESS, "type " + type.id());
        return new Submission(document, false, posted);
    }

    /**
     * Replaces a draft's date, fields and lines with those of {@code command}; the type cannot
     * change. Only drafts can be edited: a posted document is corrected by a reversal.
     */
    @Transactional
    public AdjustmentDocument revise(long documentId, AdjustmentCommand command) {
        caller.require(Role.STAFF, "adjustment.revise", "document " + documentId);
        AdjustmentDocument document = lockDocument(documentId);
        requireStatus(document, DocumentStatus.DRAFT);
        if (!document.getTypeId().equals(command.typeId())) {
            throw BusinessException.invalid("type", command.typeId(), "Document " + documentId + " is of type '"
                    + document.getTypeId() + "'; a draft keeps its type. Create a new document for another type.");
        }
        TypeSettingsView typeSettings = settings.settingsOf(usableType(command.typeId()).id());
        LocalDate date = command.effectiveDate() == null ? calendar.today() : command.effectiveDate();
        EffectiveDates.check(document.getTypeId(), date, calendar.today(), typeSettings);
        checkLineCount(command.lines());

        document.revise(date, calendar.effectiveInstant(date), JsonColumns.write(command.fields()),
                command.lines().stream().map(RequestLineEntity::of).toList());
        audit.record(caller.name(), "adjustment.revise", "document " + documentId, AuditLog.SUCCESS,
                command.lines().size() + " lines");
        return document;
    }

    /** Submits a draft of a type that requires approval. */
    @Transactional
    public AdjustmentDocument submitForApproval(long documentId) {
        caller.require(Role.STAFF, "adjustment.submit", "document " + documentId);
        AdjustmentDocument document = lockDocument(documentId);
        requireStatus(document, DocumentStatus.DRAFT);
        usableType(document.getTypeId());

        document.markSubmitted(caller.name(), calendar.now());
        audit.record(caller.name(), "adjustment.submit", "document " + documentId, AuditLog.SUCCESS, null);
        return document;
    }

    /** Approves and posts a submitted document; admin only. */
    @Transactional
    public Submission approve(long documentId) {
        caller.require(Role.ADMIN, "adjustment.approve", "document " + documentId);
        AdjustmentDocument document = lockDocument(documentId);
        requireStatus(document, DocumentStatus.SUBMITTED);

        TypeSettingsView typeSettings = settings.settingsOf(document.getTypeId());
        RegisteredType type = usableType(document.getTypeId(), typeSettings);
        EffectiveDates.check(type.id(), document.getEffectiveDate(), calendar.today(), typeSettings);

        List<PostedLine> posted = poster.post(document, type, typeSettings, caller.name());
        audit.record(caller.name(), "adjustment.approve", "document " + documentId, AuditLog.SUCCESS,
                "submitted by " + document.getSubmittedBy());
        return new Submission(document, false, posted);
    }

    /**
     * Reverses a posted document by posting its negated entries in a linked reversal document,
     * effective now, or at the original date when {@code atOriginalDate} is set.
     */
    @Transactional
    public Submission reverse(long documentId, boolean atOriginalDate) {
        caller.require(Role.STAFF, "adjustment.reverse", "document " + documentId);
        AdjustmentDocument original = lockDocument(documentId);
        requireStatus(original, DocumentStatus.POSTED);
        if (original.isReversal()) {
            throw BusinessException.rule("documentId", documentId, "Document " + documentId
                    + " is itself a reversal; post a new document instead of reversing a reversal.");
        }
        LocalDate date = atOriginalDate ? original.getEffectiveDate() : calendar.today();
        if (atOriginalDate) {
            EffectiveDates.check(original.getTypeId(), date, calendar.today(), settings.settingsOf(original.getTypeId()));
        }

        AdjustmentDocument reversal = new AdjustmentDocument(original.getTypeId(), date, calendar.effectiveInstant(date),
                JsonColumns.write(Map.of("reverses", Long.toString(documentId))), caller.name(), calendar.now());
        reversal.linkAsReversalOf(documentId);
        em.persist(reversal);
        em.flush();

        List<PostedLine> posted = reversals.post(original, reversal, caller.name());
        original.markReversedBy(reversal.getId());
        audit.record(caller.name(), "adjustment.reverse", "document " + documentId, AuditLog.SUCCESS,
                "reversal document " + reversal.getId());
        LOG.info(() -> "Reversed document id=" + documentId + " by document id=" + reversal.getId() + " user='"
                + caller.name() + "'");
        return new Submission(reversal, false, posted);
    }

    /** Returns a document. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AdjustmentDocument find(long documentId) {
        caller.require(Role.VIEWER, "adjustment.read", "document " + documentId);
        AdjustmentDocument document = em.find(AdjustmentDocument.class, documentId);
        if (document == null) {
            throw BusinessException.notFound("documentId", documentId, "Document");
        }
        return document;
    }

    /** Returns the ledger entries a document wrote, in line order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LedgerEntry> entriesOf(long documentId) {
        caller.require(Role.VIEWER, "adjustment.read", "document " + documentId);
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.documentId = :doc ORDER BY e.lineNo, e.id",
                LedgerEntry.class).setParameter("doc", documentId).getResultList();
    }

    /** Returns the latest documents, newest first, optionally of one type and status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdjustmentDocument> list(String typeId, DocumentStatus status, int offset, int limit) {
        caller.require(Role.VIEWER, "adjustment.list", null);
        StringBuilder jpql = new StringBuilder("SELECT d FROM AdjustmentDocument d WHERE 1 = 1");
        if (typeId != null) {
            jpql.append(" AND d.typeId = :type");
        }
        if (status != null) {
            jpql.append(" AND d.status = :status");
        }
        var query = em.createQuery(jpql.append(" ORDER BY d.id DESC").toString(), AdjustmentDocument.class);
        if (typeId != null) {
            query.setParameter("type", typeId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Returns how many documents {@link #list} can page through, optionally of one type and status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String typeId, DocumentStatus status) {
        caller.require(Role.VIEWER, "adjustment.list", null);
        StringBuilder jpql = new StringBuilder("SELECT COUNT(d) FROM AdjustmentDocument d WHERE 1 = 1");
        if (typeId != null) {
            jpql.append(" AND d.typeId = :type");
        }
        if (status != null) {
            jpql.append(" AND d.status = :status");
        }
        var query = em.createQuery(jpql.toString(), Long.class);
        if (typeId != null) {
            query.setParameter("type", typeId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getSingleResult();
    }

    /**
     * Returns how many documents of each type exist, in any status; admin only. Types without
     * documents are absent from the map.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> countByType() {
        caller.require(Role.ADMIN, "type.usage", null);
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("SELECT d.typeId, COUNT(d) FROM AdjustmentDocument d GROUP BY d.typeId", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private Optional<AdjustmentDocument> replay(String clientKey, String fingerprint) {
        if (clientKey == null) {
            return Optional.empty();
        }
        SubmissionKey earlier = em.find(SubmissionKey.class, clientKey);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!fingerprint.equals(earlier.getRequestHash())) {
            throw new BusinessException(ErrorCode.CONFLICT, "Idempotency-Key", clientKey, "Idempotency-Key "
                    + clientKey + " was already used for document " + earlier.getDocumentId()
                    + " with a different request; use a new key for a new request.");
        }
        LOG.fine(() -> "Repeated Idempotency-Key for document id=" + earlier.getDocumentId());
        return Optional.ofNullable(em.find(AdjustmentDocument.class, earlier.getDocumentId()));
    }

    private void persistDocument(AdjustmentDocument document, String clientKey) {
        em.persist(document);
        em.flush();
        if (clientKey == null) {
            return;
        }
        try {
            em.persist(new SubmissionKey(clientKey, document.getId(), document.getRequestHash()));
            em.flush();
        } catch (PersistenceException e) {
            if (clientKey != null && violatesClientKey(e)) {
                throw new DuplicateSubmissionException(clientKey);
            }
            throw e;
        }
    }

    private static boolean violatesClientKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("submission_key_pk")) {
                return true;
            }
        }
        return false;
    }

    private RegisteredType usableType(String typeId) {
        return usableType(typeId, settings.settingsOf(typeId));
    }

    /** Returns the type when it is loaded and enabled in {@code typeSettings}, which the caller read already. */
    private RegisteredType usableType(String typeId, TypeSettingsView typeSettings) {
        RegisteredType type = registry.find(typeId)
                .orElseThrow(() -> BusinessException.notFound("type", typeId, "Adjustment type"));
        if (!type.loaded()) {
            throw new BusinessException(ErrorCode.TYPE_FAILED, "type", typeId,
                    "Adjustment type '" + typeId + "' failed to load: " + type.failure());
        }
        if (!typeSettings.enabled()) {
            throw BusinessException.rule("type", typeId, "Adjustment type '" + typeId
                    + "' is disabled; an admin can enable it.");
        }
        return type;
    }

    private AdjustmentDocument lockDocument(long documentId) {
        AdjustmentDocument document = em.find(AdjustmentDocument.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw BusinessException.notFound("documentId", documentId, "Document");
        }
        return document;
    }

    private static void requireStatus(AdjustmentDocument document, DocumentStatus expected) {
        if (document.getStatus() != expected) {
            throw new BusinessException(ErrorCode.CONFLICT, "status", document.getStatus(), "Document "
                    + document.getId() + " is " + document.getStatus() + "; this needs a " + expected + " document.");
        }
    }

    private static void checkLineCount(List<RequestLine> lines) {
        if (lines.size() > MAX_LINES) {
            throw BusinessException.invalid("lines", lines.size(),
                    "A document may have at most " + MAX_LINES + " lines; split it.");
        }
    }

    static BigDecimal sum(List<PostedLine> lines) {
        return lines.stream().map(PostedLine::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

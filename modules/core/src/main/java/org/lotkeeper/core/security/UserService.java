package org.lotkeeper.core.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.api.Problem;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/** Creates and manages users; passwords are stored as PBKDF2 hashes only. */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    LoginCache logins;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512"));
    }

    /** Creates a user; admin only. */
    @Transactional
    public AppUser create(String userName, String password, Role role) {
        caller.require(Role.ADMIN, "user.create", userName);
        return createUnchecked(userName, password, role, caller.name());
    }

    /**
     * Changes a user's role and whether the user may sign in; admin only. {@code null} keeps a
     * value. An admin cannot disable or demote themself, so the last admin is never locked out
     * by accident.
     */
    @Transactional
    public AppUser update(String userName, Role role, Boolean enabled) {
        caller.require(Role.ADMIN, "user.update", userName);
        AppUser user = find(userName).orElseThrow(() -> BusinessException.notFound("userName", userName, "User"));
        boolean self = user.getUserName().equals(caller.name());
        if (self && ((enabled != null && !enabled) || (role != null && role != Role.ADMIN))) {
            throw BusinessException.rule("userName", userName,
                    "You cannot disable or demote yourself; another admin has to do it.");
        }
        if (role != null) {
            user.setRole(role);
        }
        if (enabled != null) {
            user.setEnabled(enabled);
        }
        logins.forget(userName);
        audit.record(caller.name(), "user.update", userName, AuditLog.SUCCESS,
                "role " + user.getRole().roleName() + ", enabled " + user.isEnabled());
        LOG.info(() -> "User changed: user='" + userName + "' by='" + caller.name() + "'");
        return user;
    }

    /** Sets a new password; admins may reset anyone's, other users only their own. */
    @Transactional
    public void changePassword(String userName, String password) {
        if (!userName.equals(caller.name())) {
            caller.require(Role.ADMIN, "user.password", userName);
        } else {
            caller.require(Role.VIEWER, "user.password", userName);
        }
        AppUser user = find(userName).orElseThrow(() -> BusinessException.notFound("userName", userName, "User"));
        checkPassword(password);
        user.setPasswordHash(passwordHash.generate(password.toCharArray()));
        logins.forget(userName);
        audit.record(caller.name(), "user.password", userName, AuditLog.SUCCESS, null);
    }

    /**
     * Sets the caller's own password after checking the current one, so that a session left open
     * on a shared screen cannot be used to take the account over.
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String userName = caller.name();
        caller.require(Role.VIEWER, "user.password", userName);
        AppUser user = find(userName).orElseThrow(() -> BusinessException.notFound("userName", userName, "User"));
        if (currentPassword == null || !matchesPassword(user, currentPassword.toCharArray())) {
            audit.recordRejection(userName, "user.password", userName, "wrong current password");
            throw BusinessException.invalid("currentPassword", null, "The current password is wrong.");
        }
        changePassword(userName, newPassword);
    }

    /** Returns every user, ordered by name; admin only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppUser> list() {
        caller.require(Role.ADMIN, "user.list", null);
        return em.createQuery("SELECT u FROM AppUser u ORDER BY u.userName", AppUser.class).getResultList();
    }

    /** Returns whether any user exists. */
    @Transactional
    public boolean exist() {
        return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult() > 0;
    }

    /**
     * Creates the first admin when there is no user at all. The password comes from the
     * configuration, or is generated and returned so that it can be shown once.
     *
     * @return the generated password, or empty when none was generated or no admin was created
     */
    @Transactional
    public Optional<String> createFirstAdmin(String configuredPassword) {
        long users = em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
        if (users > 0) {
            return Optional.empty();
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? generatePassword() : configuredPassword;
        createUnchecked("admin", password, Role.ADMIN, Caller.SYSTEM);
        LOG.info("Created the first user 'admin'");
        return generate ? Optional.of(password) : Optional.empty();
    }

    /** Returns the enabled user whose password matches, for the identity store. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> authenticate(String userName, char[] password) {
        Optional<AppUser> user = find(userName).filter(AppUser::isEnabled);
        if (user.isPresent() && passwordHash.verify(password, user.get().getPasswordHash())) {
            return user;
        }
        return Optional.empty();
    }

    /** Returns true when the password matches the user's stored hash, a deliberately slow PBKDF2 check. */
    public boolean matchesPassword(AppUser user, char[] password) {
        return passwordHash.verify(password, user.getPasswordHash());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> find(String userName) {
        return em.createQuery("SELECT u FROM AppUser u WHERE u.userName = :name", AppUser.class)
                .setParameter("name", userName)
                .getResultStream()
                .findFirst();
    }

    private AppUser createUnchecked(String userName, String password, Role role, String actor) {
        // Both values are checked before rejecting, so that a form shows every problem at once.
        List<Problem> problems = new ArrayList<>();
        if (userName == null || !userName.matches("[A-Za-z0-9._-]{1,100}")) {
            problems.add(new Problem("userName", userName,
                    "A user name has 1 to 100 letters, digits, dots, hyphens or underscores."));
        }
        try {
            checkPassword(password);
        } catch (BusinessException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new BusinessException(ErrorCode.INVALID_INPUT, problems.get(0).message(), problems);
        }
        if (find(userName).isPresent()) {
            throw new BusinessException(ErrorCode.CONFLICT, "userName", userName,
                    "User " + userName + " already exists.");
        }
        AppUser user = new AppUser(userName, passwordHash.generate(password.toCharArray()), role, calendar.now());
        em.persist(user);
        audit.record(actor, "user.create", userName, AuditLog.SUCCESS, "role " + role.roleName());
        return user;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw BusinessException.invalid("password", null,
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            throw BusinessException.invalid("password", null, "A password has at most 200 characters.");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

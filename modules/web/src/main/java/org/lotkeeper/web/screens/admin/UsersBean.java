package org.lotkeeper.web.screens.admin;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.security.UserService;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;

/**
 * The users page: the list of users, a form that creates one, and per user a role choice,
 * enable and disable buttons and a password reset. Every change goes through {@link UserService},
 * which rejects callers who are not admins.
 */
@Named("adminUsers")
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    private List<UserRow> rows;

    private String newUserName;
    private String newRole = Role.STAFF.roleName();
    private String newPassword;

    private String resetUserName;
    private String resetPassword;

    /** Returns the users ordered by name, read once per view and again after each change. */
    public List<UserRow> getRows() {
        if (rows == null) {
            rows = users.list().stream().map(UserRow::new).toList();
        }
        return rows;
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::roleName).toList();
    }

    /** Creates the user from the form and clears the form; a rejected value is shown at its input. */
    public void create() {
        try {
            users.create(newUserName, newPassword, Role.parse(newRole));
            ProblemMessages.info("Created user " + newUserName + " with role " + newRole + ".");
            newUserName = null;
            newPassword = null;
            newRole = Role.STAFF.roleName();
            rows = null;
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> switch (field) {
                case "userName" -> "createUser:userName";
                case "password" -> "createUser:password";
                default -> null;
            });
        }
    }

    /** Stores the role chosen in a row; a rejection puts the list back as stored. */
    public void changeRole(UserRow row) {
        try {
            users.update(row.getUserName(), Role.parse(row.getRole()), null);
            ProblemMessages.info("User " + row.getUserName() + " now has role " + row.getRole() + ".");
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
        rows = null;
    }

    /** Lets the user sign in again. */
    public void enable(String userName) {
        setEnabled(userName, true);
    }

    /** Stops the user from signing in; an open screen session of the user ends at its next request. */
    public void disable(String userName) {
        setEnabled(userName, false);
    }

    private void setEnabled(String userName, boolean enabled) {
        try {
            users.update(userName, null, enabled);
            ProblemMessages.info((enabled ? "Enabled" : "Disabled") + " user " + userName + ".");
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
        rows = null;
    }

    /** Opens the password reset dialog for one user. */
    public void startReset(String userName) {
        resetUserName = userName;
        resetPassword = null;
    }

    /** Sets the password typed in the reset dialog; a rejected password is shown at its input. */
    public void resetPassword() {
        try {
            users.changePassword(resetUserName, resetPassword);
            ProblemMessages.info("Set a new password for user " + resetUserName + ".");
            resetPassword = null;
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> "password".equals(field) ? "resetForm:password" : null);
        }
    }

    public String getNewUserName() {
        return newUserName;
    }

    public void setNewUserName(String newUserName) {
        this.newUserName = newUserName;
    }

    public String getNewRole() {
        return newRole;
    }

    public void setNewRole(String newRole) {
        this.newRole = newRole;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getResetUserName() {
        return resetUserName;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }

    public int getMinPasswordLength() {
        return UserService.MIN_PASSWORD_LENGTH;
    }
}

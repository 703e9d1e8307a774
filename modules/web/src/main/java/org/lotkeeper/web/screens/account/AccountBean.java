package org.lotkeeper.web.screens.account;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.security.UserService;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;

/**
 * The account page, where any signed-in user changes their own password. The current password
 * is checked first, and the new one must be typed twice.
 */
@Named("account")
@ViewScoped
public class AccountBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    /** Changes the password; a rejection is shown next to the input it concerns. */
    public void changePassword() {
        if (newPassword == null || !newPassword.equals(repeatedPassword)) {
            ProblemMessages.error("account:repeatedPassword", "The two new passwords differ; type the same one twice.");
            clear();
            return;
        }
        try {
            users.changeOwnPassword(currentPassword, newPassword);
            ProblemMessages.info("Your password is changed. Use the new one from your next sign-in.");
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> switch (field) {
                case "currentPassword" -> "account:currentPassword";
                case "password" -> "account:newPassword";
                default -> null;
            });
        }
        clear();
    }

    /** Empties the three inputs, so that no password stays in the page or the view state. */
    private void clear() {
        currentPassword = null;
        newPassword = null;
        repeatedPassword = null;
    }

    public int getMinPasswordLength() {
        return UserService.MIN_PASSWORD_LENGTH;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }
}

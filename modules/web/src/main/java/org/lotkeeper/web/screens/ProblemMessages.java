package org.lotkeeper.web.screens;

import java.util.Map;
import java.util.function.Function;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;

import org.lotkeeper.api.Problem;
import org.lotkeeper.core.support.BusinessException;

/**
 * Shows the problems of a business rejection as Faces messages. A problem whose field path (such
 * as {@code lines[0].quantity}) maps to an input on the page is shown next to that input, which is
 * also marked invalid; every other problem is shown at the top of the page.
 */
public final class ProblemMessages {

    private ProblemMessages() {
    }

    /**
     * Adds one error message per problem.
     *
     * @param clientIdOfField returns the client id of the input for a field path, or {@code null}
     *                        when the page has no input for it
     */
    public static void show(BusinessException rejection, Function<String, String> clientIdOfField) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Problem problem : rejection.problems()) {
            String clientId = clientIdOfField.apply(problem.field());
            FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.message(), null);
            if (clientId != null && markInvalid(faces, clientId)) {
                faces.addMessage(clientId, message);
            } else {
                faces.addMessage(null, message);
            }
        }
        faces.validationFailed();
    }

    /** Adds an error message at the top of the page. */
    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Adds an error message next to one input. */
    public static void error(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        markInvalid(faces, clientId);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Adds an information message at the top of the page. */
    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /**
     * Adds an information message that survives a redirect, such as "Posted document 12".
     */
    public static void infoAfterRedirect(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /**
     * Marks an input invalid and gives it back the text the user submitted. After the model was
     * updated an input has no submitted value, and PrimeFaces renders an invalid input without
     * one as empty when empty strings are read as null, so the rejected text would disappear.
     */
    private static boolean markInvalid(FacesContext faces, String clientId) {
        return faces.getViewRoot().invokeOnComponent(faces, clientId, (context, component) -> {
            if (component instanceof UIInput input) {
                if (input.getSubmittedValue() == null) {
                    String submitted = submittedText(context, clientId);
                    if (submitted != null) {
                        input.setSubmittedValue(submitted);
                    }
                }
                input.setValid(false);
            }
        });
    }

    /**
     * Returns the request parameter of an input: plain inputs send it under their client id,
     * PrimeFaces menus, auto-completes and check boxes under the client id with {@code _input}.
     */
    private static String submittedText(FacesContext faces, String clientId) {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        String text = parameters.get(clientId);
        return text != null ? text : parameters.get(clientId + "_input");
    }
}

package org.lotkeeper.core.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Validates user names and passwords against the {@code app_user} table. */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    UserService users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.authenticate(login.getCaller(), login.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.getUserName(), Set.of(user.getRole().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}

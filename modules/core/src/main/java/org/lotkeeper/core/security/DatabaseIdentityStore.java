package org.lotkeeper.core.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Validates user names and passwords against the {@code app_user} table. The user's row is read on
 * every request, so a change made on any server sharing the database (a user disabled, demoted or
 * given a new password) applies from the next request. Only the password hashing is cached.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    UserService users;

    @Inject
    LoginCache cache;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        char[] password = login.getPassword().getValue();

        Optional<AppUser> current = users.find(name).filter(AppUser::isEnabled);
        if (current.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        AppUser user = current.get();
        if (!cache.verified(name, password, user.getPasswordHash())) {
            if (!users.matchesPassword(user, password)) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            cache.remember(name, password, user.getPasswordHash());
        }
        return new CredentialValidationResult(name, Set.of(user.getRole().roleName()));
    }
}

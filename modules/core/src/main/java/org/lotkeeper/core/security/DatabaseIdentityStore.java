package org.lotkeeper.core.security;

import java.util.Optional;
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

    @Inject
    LoginCache cache;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        char[] password = login.getPassword().getValue();

        Optional<Role> cached = cache.verified(name, password);
        if (cached.isPresent()) {
            return new CredentialValidationResult(name, Set.of(cached.get().roleName()));
        }
        Optional<AppUser> user = users.authenticate(name, password);
        if (user.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        cache.remember(name, password, user.get().getRole());
        return new CredentialValidationResult(name, Set.of(user.get().getRole().roleName()));
    }
}

package org.lotkeeper.core.plugins;

import java.security.CodeSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.SpiVersion;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Every adjustment type found by CDI, registered once when the application starts. A type whose
 * descriptor cannot be read, whose SPI version differs from this core's, or whose id another type
 * already uses, is kept in the list as failed with the reason, and is never called.
 */
@ApplicationScoped
public class TypeRegistry {

    private static final Logger LOG = Logger.getLogger(TypeRegistry.class.getName());

    @Inject
    @Any
    Instance<AdjustmentType> discovered;

    private final Map<String, RegisteredType> types = new LinkedHashMap<>();

    @PostConstruct
    void register() {
        for (AdjustmentType type : discovered) {
            RegisteredType registered = inspect(type);
            if (registered.loaded() && types.containsKey(registered.id())) {
                RegisteredType first = types.get(registered.id());
                String reason = "Duplicate type id '" + registered.id() + "': already provided by " + first.source();
                LOG.severe(() -> reason + "; ignoring the type from " + registered.source());
                types.put(registered.id() + "@" + registered.source(),
                        new RegisteredType(registered.id(), registered.descriptor(), null, registered.source(), reason));
                continue;
            }
            types.put(registered.id(), registered);
            if (registered.loaded()) {
                LOG.info(() -> "Registered adjustment type id='" + registered.id() + "' version="
                        + registered.descriptor().version() + " spi=" + registered.descriptor().spiVersion()
                        + " source=" + registered.source());
            }
        }
    }

    private static RegisteredType inspect(AdjustmentType type) {
        String source = sourceOf(type);
        TypeDescriptor descriptor;
        try {
            descriptor = type.describe();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Adjustment type from " + source + " failed to describe itself", e);
            return new RegisteredType(type.getClass().getName(), null, null, source,
                    "describe() failed: " + e);
        }
        if (descriptor == null) {
            return new RegisteredType(type.getClass().getName(), null, null, source, "describe() returned null");
        }
        if (descriptor.spiVersion() != SpiVersion.CURRENT) {
            String reason = "Built for SPI version " + descriptor.spiVersion() + ", but this server implements version "
                    + SpiVersion.CURRENT;
            LOG.severe(() -> "Adjustment type id='" + descriptor.id() + "' rejected: " + reason);
            return new RegisteredType(descriptor.id(), descriptor, null, source, reason);
        }
        return new RegisteredType(descriptor.id(), descriptor, type, source, null);
    }

    /** Returns the type's own class, skipping the Weld proxy classes that subclass it. */
    static Class<?> declaringClass(AdjustmentType type) {
        Class<?> beanClass = type.getClass();
        // Weld proxies subclass the bean; the declaring jar is that of the real class.
        while (beanClass.getName().contains("$Proxy$") || beanClass.getName().contains("_$$_")) {
            beanClass = beanClass.getSuperclass();
        }
        return beanClass;
    }

    private static String sourceOf(AdjustmentType type) {
        Class<?> beanClass = declaringClass(type);
        CodeSource code = beanClass.getProtectionDomain().getCodeSource();
        String location = code == null || code.getLocation() == null ? "" : code.getLocation().getPath();
        String jar = location.substring(location.lastIndexOf('/', location.length() - 2) + 1);
        return jar.isEmpty() ? beanClass.getName() : jar.replaceAll("/$", "");
    }

    /** Returns every type, loaded or failed, in discovery order. */
    public Collection<RegisteredType> all() {
        return types.values();
    }

    /** Returns the type with this id, loaded or failed. */
    public Optional<RegisteredType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }
}

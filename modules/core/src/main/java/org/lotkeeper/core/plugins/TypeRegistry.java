package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.SpiVersion;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Every adjustment type: those CDI finds in the application, registered when the application
 * starts, and those of the installed plugin jars, registered when {@link InstalledJars} loads a
 * jar (at start, on an install on any server) and dropped when it unloads one. A type whose
 * descriptor cannot be read, whose SPI version is not supported, or whose id another type already
 * uses, is kept in the list as failed with the reason, and is never called. A jar of the plugins
 * folder that cannot be read, or contains no type, is listed under its file name as failed.
 *
 * <p>Readers see a snapshot that changes only as a whole, so a request never sees half an
 * installation.
 */
@ApplicationScoped
public class TypeRegistry {

    private static final Logger LOG = Logger.getLogger(TypeRegistry.class.getName());

    @Inject
    @Any
    Instance<AdjustmentType> discovered;

    private final Object changes = new Object();

    /** Every registered type by id, or by id and source for a duplicate; replaced as a whole. */
    private volatile Map<String, RegisteredType> types = Map.of();

    /** The open class loader of each jar of the plugins folder whose types are registered; guarded by {@link #changes}. */
    private final Map<Path, PluginLoader.Opened> openJars = new HashMap<>();

    @PostConstruct
    void register() {
        synchronized (changes) {
            Map<String, RegisteredType> registered = new LinkedHashMap<>();
            for (Instance.Handle<AdjustmentType> handle : discovered.handles()) {
                add(registered, inspectBean(handle));
            }
            types = Collections.unmodifiableMap(registered);
        }
    }

    @PreDestroy
    void closeJars() {
        synchronized (changes) {
            openJars.values().forEach(PluginLoader.Opened::close);
            openJars.clear();
        }
    }

    /**
     * Registers the types of a jar that has just been put into the plugins folder and returns
     * them as registered: loaded, or failed with the reason.
     */
    public List<RegisteredType> install(Path jar) {
        synchronized (changes) {
            Map<String, RegisteredType> registered = new LinkedHashMap<>(types);
            List<RegisteredType> added = new ArrayList<>();
            for (RegisteredType type : loadJar(jar)) {
                added.add(add(registered, type));
            }
            types = Collections.unmodifiableMap(registered);
            return added;
        }
    }

    /**
     * Registers a jar of the plugins folder that cannot be loaded as one failed entry under its
     * file name, so admins see the reason and can uninstall it. Returns the entry.
     */
    public RegisteredType registerFailed(Path jar, String failure) {
        synchronized (changes) {
            String fileName = jar.getFileName().toString();
            Map<String, RegisteredType> registered = new LinkedHashMap<>(types);
            RegisteredType added = add(registered, new RegisteredType(fileName, null, null, fileName, failure, jar));
            types = Collections.unmodifiableMap(registered);
            return added;
        }
    }

    /**
     * Drops the types of a jar of the plugins folder and closes its class loader, before the jar
     * is deleted. Returns the types dropped.
     */
    public List<RegisteredType> uninstall(Path jar) {
        synchronized (changes) {
            Map<String, RegisteredType> registered = new LinkedHashMap<>(types);
            List<RegisteredType> removed = new ArrayList<>();
            registered.values().removeIf(type -> {
                boolean fromJar = jar.equals(type.uploadedJar());
                if (fromJar) {
                    removed.add(type);
                }
                return fromJar;
            });
            types = Collections.unmodifiableMap(registered);
            PluginLoader.Opened opened = openJars.remove(jar);
            if (opened != null) {
                opened.close();
            }
            removed.forEach(type -> LOG.info(() -> "Unregistered adjustment type id='" + type.id() + "' source="
                    + type.source()));
            return removed;
        }
    }

    /** Adds a type under its id, or as a failed duplicate when the id is taken; returns it as added. */
    private static RegisteredType add(Map<String, RegisteredType> registered, RegisteredType type) {
        if (registered.containsKey(type.id())) {
            RegisteredType first = registered.get(type.id());
            String reason = "Duplicate type id '" + type.id() + "': already provided by " + first.source();
            LOG.severe(() -> reason + "; ignoring the type from " + type.source());
            RegisteredType duplicate = new RegisteredType(type.id(), type.descriptor(), null, type.source(), reason,
                    type.uploadedJar());
            registered.put(type.id() + "@" + type.source(), duplicate);
            return duplicate;
        }
        registered.put(type.id(), type);
        if (type.loaded()) {
            LOG.info(() -> "Registered adjustment type id='" + type.id() + "' version=" + type.descriptor().version()
                    + " spi=" + type.descriptor().spiVersion() + " source=" + type.source());
        }
        return type;
    }

    /** Creates a CDI bean and reads its descriptor; a bean that fails to be created is registered as failed. */
    private static RegisteredType inspectBean(Instance.Handle<AdjustmentType> handle) {
        AdjustmentType type;
        try {
            type = handle.get();
        } catch (RuntimeException | LinkageError e) {
            String beanClass = handle.getBean().getBeanClass().getName();
            LOG.log(Level.SEVERE, "Adjustment type bean " + beanClass + " could not be created", e);
            return new RegisteredType(beanClass, null, null, beanClass, "creating the bean failed: " + e);
        }
        return inspect(type);
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
        String failure = spiFailure(descriptor);
        if (failure != null) {
            LOG.severe(() -> "Adjustment type id='" + descriptor.id() + "' rejected: " + failure);
            return new RegisteredType(descriptor.id(), descriptor, null, source, failure);
        }
        return new RegisteredType(descriptor.id(), descriptor, type, source, null);
    }

    private static String spiFailure(TypeDescriptor descriptor) {
        if (SpiVersion.supports(descriptor.spiVersion())) {
            return null;
        }
        return "Built for SPI version " + descriptor.spiVersion() + ", but this server supports SPI version "
                + SpiVersion.supportedRange();
    }

    /**
     * Loads a jar of the plugins folder in its own class loader and returns its types. Nothing a
     * jar does here can fail the caller: a jar that cannot be read or contains no type comes back as
     * one failed entry under its file name.
     */
    private List<RegisteredType> loadJar(Path jar) {
        String fileName = jar.getFileName().toString();
        PluginLoader.Opened opened;
        try {
            opened = PluginLoader.open(jar, AdjustmentType.class.getClassLoader());
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Plugin jar " + jar + " cannot be read", e);
            return List.of(new RegisteredType(fileName, null, null, fileName,
                    "The jar cannot be read: " + PluginLoader.describe(e), jar));
        }
        opened.problems().forEach(problem -> LOG.warning(() -> "Plugin jar " + fileName + ": " + problem));
        if (opened.types().isEmpty()) {
            opened.close();
            String detail = opened.problems().isEmpty() ? "" : " (" + String.join("; ", opened.problems()) + ")";
            return List.of(new RegisteredType(fileName, null, null, fileName,
                    "The jar contains no adjustment type that can be loaded" + detail, jar));
        }
        PluginLoader.Opened previous = openJars.put(jar, opened);
        if (previous != null) {
            previous.close();
        }
        List<RegisteredType> found = new ArrayList<>();
        for (PluginLoader.FoundType type : opened.types()) {
            if (type.failure() != null) {
                found.add(new RegisteredType(type.className(), null, null, fileName, type.failure(), jar));
                continue;
            }
            TypeDescriptor descriptor = type.descriptor();
            String failure = spiFailure(descriptor);
            found.add(new RegisteredType(descriptor.id(), descriptor, failure == null ? type.instance() : null,
                    fileName, failure, jar));
        }
        return found;
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

    /** Returns every type, loaded or failed, in registration order. */
    public Collection<RegisteredType> all() {
        return types.values();
    }

    /** Returns the type with this id, loaded or failed. */
    public Optional<RegisteredType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }
}

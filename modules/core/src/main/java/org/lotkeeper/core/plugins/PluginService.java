package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Installs and uninstalls plugin jars; admin only. An upload is stored under a temporary name in
 * the plugins folder and checked ({@link PluginCheck}); it is installed only when it is a usable
 * jar whose types are built for a supported SPI version and whose ids and content are new. It is
 * then stored in the database ({@link PluginJarStore}), which every server sharing the database
 * loads from, moved into this server's {@link PluginCache}, and its types are registered at once,
 * in a class loader of their own, without a restart or redeployment. Uninstalling deletes the row
 * and drops the types; the documents of those types stay as they are. The other servers follow
 * both at their next check ({@link PluginSync}). Only installed jars can be uninstalled: the types
 * that are part of the application cannot.
 *
 * <p>Every install and uninstall is audited with the user, the file name, its size and SHA-256
 * checksum and the client address, and so is every refusal, with the reason.
 */
@ApplicationScoped
public class PluginService {

    private static final Logger LOG = Logger.getLogger(PluginService.class.getName());

    /** Largest plugin jar accepted, in bytes: 10 MiB. */
    public static final long MAX_JAR_BYTES = 10L * 1024 * 1024;

    static final String INSTALL = "plugin.install";
    static final String UNINSTALL = "plugin.uninstall";
    static final String IMPORT = "plugin.import";

    @Inject
    TypeRegistry registry;

    @Inject
    PluginFolder folder;

    @Inject
    JarChecksums checksums;

    @Inject
    TypeSettingsService settings;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    InstalledJars installed;

    @Inject
    PluginJarStore store;

    @Inject
    PluginCache cache;

    /**
     * A jar that adjustment types come from.
     *
     * @param fileName its file name, or the type's source when it is not a jar file
     * @param jar      its size and checksum, {@code null} when it cannot be read
     * @param uploaded whether an admin installed it into the plugins folder, so it can be uninstalled
     * @param types    its types, loaded or failed
     */
    public record Plugin(String fileName, JarInfo jar, boolean uploaded, List<RegisteredType> types) {

        /** Returns the ids of the jar's types. */
        public List<String> typeIds() {
            return types.stream().map(RegisteredType::id).toList();
        }
    }

    /**
     * The result of an install or uninstall.
     *
     * @param plugin  the jar and its types
     * @param message what happened, for the admin
     */
    public record Outcome(Plugin plugin, String message) {
    }

    /** Returns the plugins folder, for help texts. */
    public String folder() {
        return folder.path().toString();
    }

    /** Returns every jar that types come from: those of the application first, then the installed ones. */
    public List<Plugin> list() {
        caller.require(Role.ADMIN, "plugin.list", null);
        return plugins();
    }

    /** Returns the jar with this file name, or empty. */
    public Optional<Plugin> find(String fileName) {
        caller.require(Role.ADMIN, "plugin.read", fileName);
        return plugins().stream().filter(plugin -> plugin.fileName().equals(fileName)).findFirst();
    }

    private List<Plugin> plugins() {
        Map<String, List<RegisteredType>> byFile = new LinkedHashMap<>();
        Map<String, JarInfo> jars = new LinkedHashMap<>();
        Map<String, Boolean> uploaded = new LinkedHashMap<>();
        for (RegisteredType type : registry.all()) {
            Optional<JarInfo> jar = checksums.info(type);
            String fileName = jar.map(JarInfo::fileName).orElse(type.source());
            String key = (type.uploaded() ? "uploaded:" : "application:") + fileName;
            byFile.computeIfAbsent(key, k -> new ArrayList<>()).add(type);
            jar.ifPresent(info -> jars.putIfAbsent(key, info));
            uploaded.put(key, type.uploaded());
        }
        List<Plugin> result = new ArrayList<>();
        byFile.forEach((key, types) -> result.add(new Plugin(key.substring(key.indexOf(':') + 1), jars.get(key),
                uploaded.get(key), List.copyOf(types))));
        return result;
    }

    /**
     * Checks an uploaded jar and installs it on every server: it is stored in the database with
     * its audit event in one transaction, loaded here at once, and loaded by the other servers
     * sharing the database at their next check ({@link PluginSync}). {@code submittedName} is the
     * file name the client gave, or {@code null}, in which case the jar is named after its first
     * type's id and version.
     *
     * @throws BusinessException 413 when the jar is larger than {@link #MAX_JAR_BYTES}, 400 when
     *                           it is not a usable jar, 422 when it has no usable type, 409 when
     *                           a type id, the file name or the same content is already installed,
     *                           or another server changed the installed plugins during the checks
     */
    public Outcome install(String submittedName, InputStream body) {
        caller.require(Role.ADMIN, INSTALL, submittedName);
        String user = caller.name();
        String label = label(submittedName);
        Received received = null;
        installed.changes().lock();
        try {
            Path directory = folder.create();
            Path incoming = Files.createTempFile(directory, ".upload-", PluginFolder.INCOMING_SUFFIX);
            try {
                received = receive(body, incoming);
                if (received.size() > MAX_JAR_BYTES) {
                    throw tooLarge(label);
                }
                String fileName = submittedName == null || submittedName.isBlank() ? null
                        : PluginCheck.fileName(submittedName);
                return installChecked(fileName, label, incoming, received, user, INSTALL);
            } finally {
                Files.deleteIfExists(incoming);
            }
        } catch (BusinessException e) {
            audit.recordRejection(user, INSTALL, label, detail(received) + " reason=" + e.getMessage());
            LOG.warning(() -> "Plugin upload refused: user='" + user + "' file='" + label + "': " + e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Storing the uploaded plugin failed", e);
        } finally {
            installed.changes().unlock();
        }
    }

    /**
     * Checks a jar of the plugins folder and, when it passes, stores it, moves it into the cache
     * and loads it. Called with {@link InstalledJars#changes()} held.
     *
     * @param fileName the name to install under, or {@code null} to name it after its first type
     * @param action   the audit action: an upload or an import of a jar found in the folder
     */
    private Outcome installChecked(String fileName, String label, Path incoming, Received received, String user,
                                   String action) throws IOException {
        Manifest manifest = PluginCheck.readableJar(incoming, label);
        PluginCheck.manifestSpiVersion(manifest, label);
        List<TypeDescriptor> descriptors = PluginCheck.types(incoming, label, AdjustmentType.class.getClassLoader());
        if (fileName == null) {
            fileName = defaultName(descriptors.get(0));
        }
        // Loads what other servers installed since the last check, so the checks below see every server's types.
        List<StoredJar> stored = store.list();
        installed.synchronize(stored);
        checkNew(fileName, label, received, descriptors, stored);

        StoredJar jar = new StoredJar(fileName, received.sha256(), received.size());
        String types = descriptors.stream().map(PluginService::describe).collect(Collectors.joining(", "));
        String detail = detail(received) + " types=[" + types + "]";
        store.insert(stored, jar, Files.readAllBytes(incoming), user, action, detail);
        LOG.info(() -> "Plugin stored in the database: user='" + user + "' action=" + action + " file='"
                + jar.fileName() + "' " + detail);

        Path copy;
        try {
            copy = cache.moveIn(jar, incoming);
        } catch (IOException e) {
            // The database has the jar, so the next check of PluginSync copies and loads it.
            throw new UncheckedIOException("Plugin " + jar.label() + " is installed, but moving it into this server's"
                    + " plugin cache " + cache.fileOf(jar) + " failed; the server tries again at its next check", e);
        }
        List<RegisteredType> added = installed.load(jar, copy);
        Plugin plugin = new Plugin(fileName, new JarInfo(fileName, received.size(), received.sha256()), true, added);
        return new Outcome(plugin, installMessage(plugin, received));
    }

    /** Refuses a jar whose content, type ids or file name another installed jar already has. */
    private void checkNew(String fileName, String label, Received received, List<TypeDescriptor> descriptors,
                          List<StoredJar> stored) {
        for (StoredJar jar : stored) {
            if (jar.sha256().equals(received.sha256())) {
                throw conflict(label, "the same jar (SHA-256 " + received.sha256() + ") is already installed as "
                        + jar.fileName());
            }
        }
        for (TypeDescriptor descriptor : descriptors) {
            Optional<RegisteredType> existing = registry.find(descriptor.id());
            if (existing.isPresent()) {
                throw conflict(label, "its type id '" + descriptor.id() + "' is already used by "
                        + (existing.get().uploaded() ? "the installed plugin " : "the built-in type from ")
                        + existing.get().source() + "; uninstall that plugin first, or give the type another id");
            }
        }
        boolean nameTaken = stored.stream().anyMatch(jar -> jar.fileName().equals(fileName))
                || plugins().stream().anyMatch(plugin -> plugin.uploaded() && plugin.fileName().equals(fileName));
        if (nameTaken) {
            throw conflict(label, "a plugin file named " + fileName + " is already installed; uninstall it first, or"
                    + " upload the jar under another name");
        }
    }

    private String installMessage(Plugin plugin, Received received) {
        List<RegisteredType> added = plugin.types();
        String types = added.stream().map(PluginService::describe).collect(Collectors.joining(", "));
        List<RegisteredType> failed = added.stream().filter(type -> !type.loaded()).toList();
        List<String> disabled = added.stream().filter(RegisteredType::loaded)
                .filter(type -> !settings.settingsOf(type.id()).enabled()).map(RegisteredType::id).toList();
        String message = "Installed " + plugin.fileName() + " (" + bytes(received.size()) + ", SHA-256 "
                + received.sha256() + ") with " + (added.size() == 1 ? "type " : "types ") + types + ". ";
        if (!failed.isEmpty()) {
            message += "It failed to load: " + failed.stream().map(RegisteredType::failure)
                    .collect(Collectors.joining("; ")) + "; uninstall it.";
        } else if (!disabled.isEmpty()) {
            message += "It is installed, but " + String.join(", ", disabled) + " kept the setting disabled from"
                    + " before; enable it to use it. The application keeps running and nothing reloads.";
        } else {
            message += "It can be used now on this server, and on the other servers sharing the database after"
                    + " their next check for plugin changes. The application keeps running and nothing reloads.";
        }
        return message;
    }

    /**
     * Imports a jar found directly in the plugins folder at start-up, where servers kept installed
     * jars before the database stored them: a new jar is checked like an upload and stored (audited
     * as {@value #IMPORT} by {@link Caller#SYSTEM}), a jar the database already has is deleted, and
     * a jar that fails the checks, or whose file name a stored jar has, stays in the folder. A jar
     * that fails the checks is listed as failed with the reason, so an admin can uninstall it.
     */
    void importFolderJar(Path jar) {
        installed.changes().lock();
        try {
            String name = jar.getFileName().toString();
            Received received = new Received(Files.size(jar), JarChecksums.sha256(jar));
            StoredJar found = new StoredJar(name, received.sha256(), received.size());
            List<StoredJar> stored = store.list();
            switch (FolderJarDecision.of(found, stored)) {
                case ALREADY_STORED -> {
                    Files.delete(jar);
                    LOG.info(() -> "Deleted " + jar + " from the plugins folder: the database already has the same jar,"
                            + " SHA-256 " + found.sha256());
                }
                case NAME_TAKEN -> LOG.warning(() -> "Plugin " + jar + " (SHA-256 " + found.sha256() + ") was not"
                        + " imported: the database has another jar named " + name + ", which this server loads."
                        + " Delete or rename the file, or uninstall the other jar and restart.");
                case IMPORT -> importChecked(jar, name, received);
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot import the plugin " + jar + " into the database; it is not loaded", e);
        } finally {
            installed.changes().unlock();
        }
    }

    private void importChecked(Path jar, String name, Received received) throws IOException {
        try {
            if (received.size() > MAX_JAR_BYTES) {
                throw tooLarge(name);
            }
            Outcome outcome = installChecked(PluginCheck.fileName(name), name, jar, received, Caller.SYSTEM, IMPORT);
            LOG.info(() -> "Imported " + jar + " into the database: " + outcome.message());
        } catch (BusinessException e) {
            audit.recordRejection(Caller.SYSTEM, IMPORT, name, detail(received) + " reason=" + e.getMessage());
            LOG.warning(() -> "Plugin " + jar + " (SHA-256 " + received.sha256() + ") was not imported and is not"
                    + " loaded: " + e.getMessage());
            registry.registerFailed(jar, e.getMessage());
        }
    }

    /**
     * Uninstalls an installed jar on every server: its types can no longer be used, and their
     * documents stay readable. The database row goes with its audit event in one transaction; this
     * server unloads the types at once and the others at their next check. A jar that stayed in
     * the plugins folder because it failed the import checks is deleted. The types that are part of
     * the application cannot be uninstalled.
     */
    public Outcome uninstall(String fileName) {
        caller.require(Role.ADMIN, UNINSTALL, fileName);
        String user = caller.name();
        installed.changes().lock();
        try {
            installed.synchronize(store.list());
            Plugin plugin = plugins().stream().filter(p -> p.fileName().equals(fileName) && p.uploaded()).findFirst()
                    .orElseThrow(() -> notInstalled(fileName));
            String detail = (plugin.jar() == null ? "" : "size=" + plugin.jar().size() + " sha256=" + plugin.jar().sha256())
                    + " types=[" + plugin.types().stream().map(RegisteredType::id).collect(Collectors.joining(", ")) + "]";
            Optional<StoredJar> stored = installed.find(fileName);
            List<RegisteredType> removed;
            if (stored.isPresent()) {
                if (!store.delete(stored.get(), user, UNINSTALL, detail)) {
                    installed.synchronize(store.list());
                    throw notInstalled(fileName);
                }
                removed = installed.unload(stored.get());
            } else {
                removed = uninstallFolderJar(plugin, user, detail);
            }
            LOG.info(() -> "Plugin uninstalled: user='" + user + "' file='" + fileName + "' " + detail);
            return new Outcome(new Plugin(fileName, plugin.jar(), true, removed), uninstallMessage(fileName, removed));
        } catch (BusinessException e) {
            audit.recordRejection(user, UNINSTALL, label(fileName), "reason=" + e.getMessage());
            throw e;
        } finally {
            installed.changes().unlock();
        }
    }

    /** Deletes a jar of the plugins folder that is not in the database, and unregisters its entry. */
    private List<RegisteredType> uninstallFolderJar(Plugin plugin, String user, String detail) {
        Path jar = plugin.types().get(0).uploadedJar();
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting the plugin " + jar + " failed; it stays installed", e);
        }
        audit.record(user, UNINSTALL, plugin.fileName(), AuditLog.SUCCESS, detail);
        return registry.uninstall(jar);
    }

    private static String uninstallMessage(String fileName, List<RegisteredType> removed) {
        List<String> described = removed.stream().filter(type -> type.descriptor() != null)
                .map(RegisteredType::id).distinct().toList();
        if (described.isEmpty()) {
            return "Uninstalled " + fileName + ", which had no usable type.";
        }
        return "Uninstalled " + fileName + ": " + (described.size() == 1 ? "type " : "types ")
                + String.join(", ", described) + " can no longer be used, on this server at once and on the other"
                + " servers sharing the database after their next check. Documents of "
                + (described.size() == 1 ? "this type" : "these types") + " stay readable, and installing the"
                + " jar again brings back " + (described.size() == 1 ? "the type" : "the types")
                + " with " + (described.size() == 1 ? "its" : "their") + " settings.";
    }

    private BusinessException notInstalled(String fileName) {
        Optional<Plugin> builtIn = plugins().stream().filter(p -> p.fileName().equals(fileName) && !p.uploaded())
                .findFirst();
        if (builtIn.isPresent()) {
            return new BusinessException(ErrorCode.CONFLICT, "fileName", fileName, fileName + " contains "
                    + String.join(", ", builtIn.get().typeIds()) + ", which is part of the application and cannot be"
                    + " uninstalled; an admin can disable a type instead.");
        }
        return new BusinessException(ErrorCode.NOT_FOUND, "fileName", fileName, "No installed plugin is named "
                + fileName + ".");
    }

    /** The stored upload: its size in bytes (at most one more than the limit) and its SHA-256. */
    private record Received(long size, String sha256) {
    }

    /** Copies the body to {@code file}, stopping one byte after the size limit, and hashes it. */
    private static Received receive(InputStream body, Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256, which every Java platform must provide", e);
        }
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = body.read(buffer); read >= 0 && size <= MAX_JAR_BYTES; read = body.read(buffer)) {
                int kept = (int) Math.min(read, MAX_JAR_BYTES + 1 - size);
                out.write(buffer, 0, kept);
                digest.update(buffer, 0, kept);
                size += kept;
            }
        }
        return new Received(size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Refuses a jar over the size limit. */
    public static BusinessException tooLarge(String label) {
        return new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "file", label, label + " is too large: a plugin jar"
                + " may have at most " + MAX_JAR_BYTES + " bytes (10 MiB).");
    }

    private static BusinessException conflict(String label, String why) {
        return new BusinessException(ErrorCode.CONFLICT, "file", label, label + " was not installed: " + why + ".");
    }

    /**
     * Returns how messages and the audit trail name an upload: its file name as given, without
     * control characters and cut to 200 characters, or "The uploaded jar" when it has none.
     */
    public static String label(String submittedName) {
        if (submittedName == null || submittedName.isBlank()) {
            return "The uploaded jar";
        }
        String clean = submittedName.strip().replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 200 ? clean : clean.substring(0, 197) + "...";
    }

    private static String defaultName(TypeDescriptor descriptor) {
        String name = descriptor.id() + "-" + descriptor.version() + ".jar";
        return name.matches("[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,99}") ? name : descriptor.id() + ".jar";
    }

    private static String detail(Received received) {
        if (received == null) {
            return "size=unknown";
        }
        return received.size() > MAX_JAR_BYTES ? "size>" + MAX_JAR_BYTES
                : "size=" + received.size() + " sha256=" + received.sha256();
    }

    private static String describe(RegisteredType type) {
        return type.descriptor() == null ? type.id() : describe(type.descriptor());
    }

    private static String describe(TypeDescriptor descriptor) {
        return descriptor.id() + " (" + descriptor.name() + " " + descriptor.version() + ")";
    }

    static String bytes(long size) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(size) + " bytes";
    }
}

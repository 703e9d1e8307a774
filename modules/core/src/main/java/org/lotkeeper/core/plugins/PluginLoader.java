package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Opens a plugin jar in a class loader of its own, whose parent shows only the Java platform, the
 * Jakarta APIs and the SPI ({@link SpiOnlyClassLoader}), and finds its adjustment types without
 * CDI: every public, concrete class that implements {@link AdjustmentType} is created with its
 * public no-argument constructor, and {@code describe()} is called on a thread of its own with a
 * time limit, so a plugin that throws, hangs or misses a class cannot stop the application.
 *
 * <p>Types found this way get no CDI services, so a class that requests them (with
 * {@code @Inject}, {@code @PostConstruct}, {@code @Produces} or {@code @Observes}) is reported as
 * a problem of the jar.
 */
final class PluginLoader {

    private static final Logger LOG = Logger.getLogger(PluginLoader.class.getName());

    /** How long a plugin's constructor and {@code describe()} may take together. */
    static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(10);

    /** Annotations of CDI and Jakarta Annotations that have no effect on a type loaded from the plugins folder. */
    static final Set<String> CONTAINER_ANNOTATIONS = Set.of("jakarta.inject.Inject", "javax.inject.Inject",
            "jakarta.annotation.PostConstruct", "jakarta.enterprise.inject.Produces", "jakarta.enterprise.event.Observes",
            "jakarta.enterprise.event.ObservesAsync");

    private static final String MISSING_CLASS_HINT = " (a plugin sees only the Java platform, the Jakarta APIs and"
            + " org.lotkeeper.api; bundle any other library into the plugin jar)";

    private PluginLoader() {
    }

    /**
     * One adjustment type found in a jar.
     *
     * @param className  the implementing class
     * @param instance   the instance, {@code null} when it could not be created or described
     * @param descriptor what {@code describe()} returned, {@code null} when it failed
     * @param failure    why the type cannot be used, {@code null} when it can (the SPI version is
     *                   checked by the caller)
     */
    record FoundType(String className, AdjustmentType instance, TypeDescriptor descriptor, String failure) {
    }

    /**
     * A jar opened in its own class loader.
     *
     * @param loader   the jar's class loader; the caller closes it when it drops the types
     * @param classes  how many classes the jar has
     * @param problems classes that cannot be loaded and classes that ask for container services
     * @param types    the adjustment types found, in class name order
     */
    record Opened(URLClassLoader loader, int classes, List<String> problems, List<FoundType> types) implements AutoCloseable {

        @Override
        public void close() {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing the class loader of a plugin failed", e);
            }
        }
    }

    /**
     * Opens the jar with {@code application} (the loader of the SPI) behind a {@link SpiOnlyClassLoader}.
     *
     * @throws IOException when the jar cannot be read as a zip file
     */
    static Opened open(Path jar, ClassLoader application) throws IOException {
        List<String> classNames = classNames(jar);
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                new SpiOnlyClassLoader(application));
        List<String> problems = new ArrayList<>();
        List<FoundType> types = new ArrayList<>();
        for (String name : classNames) {
            Class<?> loaded;
            try {
                loaded = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("class " + name + " cannot be loaded: " + describe(e) + MISSING_CLASS_HINT);
                continue;
            }
            try {
                problems.addAll(containerFeatures(loaded));
            } catch (LinkageError | TypeNotPresentException e) {
                problems.add("class " + name + " refers to a class that cannot be loaded: " + describe(e)
                        + MISSING_CLASS_HINT);
                continue;
            }
            if (AdjustmentType.class.isAssignableFrom(loaded) && !loaded.isInterface()
                    && !Modifier.isAbstract(loaded.getModifiers())) {
                types.add(create(loaded.asSubclass(AdjustmentType.class), loader));
            }
        }
        return new Opened(loader, classNames.size(), List.copyOf(problems), List.copyOf(types));
    }

    /** Returns the names of the jar's classes, without module and multi-release descriptors. */
    private static List<String> classNames(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String path = entry.getName();
                if (entry.isDirectory() || !path.endsWith(".class") || path.startsWith("META-INF/")
                        || path.endsWith("module-info.class") || path.endsWith("package-info.class")) {
                    continue;
                }
                names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Returns the container annotations a class uses on its members, each as a problem. */
    private static List<String> containerFeatures(Class<?> type) {
        List<String> problems = new ArrayList<>();
        List<AnnotatedElement> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredFields()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        for (AnnotatedElement member : members) {
            List<Annotation> annotations = new ArrayList<>(List.of(member.getDeclaredAnnotations()));
            if (member instanceof Executable executable) {
                for (Annotation[] parameter : executable.getParameterAnnotations()) {
                    annotations.addAll(List.of(parameter));
                }
            }
            for (Annotation annotation : annotations) {
                String name = annotation.annotationType().getName();
                if (CONTAINER_ANNOTATIONS.contains(name)) {
                    problems.add("class " + type.getName() + " uses @" + annotation.annotationType().getSimpleName()
                            + " on " + member + ", but an uploaded plugin gets no CDI services; a type receives"
                            + " everything it needs through the SPI");
                }
            }
        }
        return problems;
    }

    private static FoundType create(Class<? extends AdjustmentType> type, ClassLoader loader) {
        String name = type.getName();
        if (!Modifier.isPublic(type.getModifiers())) {
            return new FoundType(name, null, null, "class " + name + " implements AdjustmentType but is not public");
        }
        Constructor<? extends AdjustmentType> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            return new FoundType(name, null, null, "class " + name + " has no public constructor without parameters");
        }
        AdjustmentType[] instance = new AdjustmentType[1];
        try {
            TypeDescriptor descriptor = callGuarded("create and describe " + name, loader, () -> {
                instance[0] = constructor.newInstance();
                return instance[0].describe();
            });
            if (descriptor == null) {
                return new FoundType(name, null, null, "describe() of " + name + " returned null");
            }
            return new FoundType(name, instance[0], descriptor, null);
        } catch (PluginCallException e) {
            return new FoundType(name, null, null, e.getMessage());
        }
    }

    /** A plugin call that threw or did not return in time. */
    static final class PluginCallException extends Exception {

        private static final long serialVersionUID = 1L;

        PluginCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs plugin code on a daemon thread of its own, with the plugin's class loader as context
     * class loader, and waits at most {@link #DESCRIBE_TIMEOUT}. A call that does not return in
     * time is interrupted and left behind.
     */
    static <T> T callGuarded(String what, ClassLoader loader, Callable<T> call) throws PluginCallException {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "lotkeeper-plugin-check");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        try {
            return task.get(DESCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new PluginCallException(what + " did not finish within " + DESCRIBE_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.lang.reflect.InvocationTargetException invocation
                    && invocation.getCause() != null ? invocation.getCause() : e.getCause();
            LOG.log(Level.WARNING, "Plugin call failed: " + what, cause);
            throw new PluginCallException(what + " failed: " + describe(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new PluginCallException(what + " was interrupted", e);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof NoClassDefFoundError && message != null) {
            message = message.replace('/', '.');
        }
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}

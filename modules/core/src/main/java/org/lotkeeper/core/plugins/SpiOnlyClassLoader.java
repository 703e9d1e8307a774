package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every uploaded plugin's class loader: it passes on requests for classes and
 * resources of the Java platform, the Jakarta APIs and the adjustment-type SPI
 * ({@code org.lotkeeper.api}) to the application's class loader and hides everything else, such as
 * the core's services, entities and libraries. A plugin therefore links only against what the SPI
 * promises, and two plugins cannot see each other's classes.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    /** Packages a plugin may use from the application, as class name prefixes. */
    static final List<String> VISIBLE_PACKAGES = List.of("java.", "javax.", "jakarta.", "org.lotkeeper.api.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;

    SpiOnlyClassLoader(ClassLoader application) {
        super("lotkeeper-spi", null);
        this.application = application;
    }

    static boolean visible(String className) {
        return VISIBLE_PACKAGES.stream().anyMatch(className::startsWith);
    }

    private static boolean visibleResource(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        return visible(name.replace('/', '.'));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!visible(name)) {
            throw new ClassNotFoundException(name);
        }
        return application.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
        return visibleResource(name) ? application.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return visibleResource(name) ? application.getResources(name) : Collections.emptyEnumeration();
    }
}

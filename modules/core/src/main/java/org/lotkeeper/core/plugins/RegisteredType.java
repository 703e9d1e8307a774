package org.lotkeeper.core.plugins;

import java.nio.file.Path;

import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.TypeDescriptor;

/**
 * A registered type: its descriptor and instance, or the reason it could not be registered.
 *
 * @param id          the type's id; the bean class name, or the jar's file name, when no
 *                    descriptor could be read
 * @param descriptor  the descriptor, {@code null} when loading failed before it was read
 * @param type        the instance, {@code null} when loading failed
 * @param source      the jar or class the type came from
 * @param failure     why the type cannot be used, {@code null} when it loaded
 * @param uploadedJar the jar in the plugins folder the type came from, {@code null} for a type
 *                    that is part of the application (found by CDI in the WAR)
 */
public record RegisteredType(String id, TypeDescriptor descriptor, AdjustmentType type, String source, String failure,
                             Path uploadedJar) {

    /** A type that is part of the application. */
    public RegisteredType(String id, TypeDescriptor descriptor, AdjustmentType type, String source, String failure) {
        this(id, descriptor, type, source, failure, null);
    }

    public boolean loaded() {
        return failure == null;
    }

    /** Returns whether the type came from a jar an admin installed, which an admin may uninstall. */
    public boolean uploaded() {
        return uploadedJar != null;
    }
}

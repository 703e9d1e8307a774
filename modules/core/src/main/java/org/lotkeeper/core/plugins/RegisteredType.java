package org.lotkeeper.core.plugins;

import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.TypeDescriptor;

/**
 * A type found at start-up: its descriptor and bean, or the reason it could not be registered.
 *
 * @param id         the type's id, or the bean class name when the descriptor could not be read
 * @param descriptor the descriptor, {@code null} when loading failed
 * @param type       the bean, {@code null} when loading failed
 * @param source     the jar or class the type came from
 * @param failure    why the type cannot be used, {@code null} when it loaded
 */
public record RegisteredType(String id, TypeDescriptor descriptor, AdjustmentType type, String source, String failure) {

    public boolean loaded() {
        return failure == null;
    }
}

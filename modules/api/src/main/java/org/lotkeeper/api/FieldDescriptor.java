package org.lotkeeper.api;

import java.util.List;
import java.util.Objects;

/**
 * An input field that a type's form needs, beyond the standard line fields (lot, new lot,
 * quantity, unit cost).
 *
 * @param name     key of the value in {@link AdjustmentRequest#fields()} or
 *                 {@link RequestLine#fields()}; letters, digits and hyphens
 * @param label    label shown next to the input
 * @param kind     kind of value
 * @param scope    whether the field belongs to the document or to each line
 * @param required whether a value must be given
 * @param help     one sentence shown as the field's hint, may be empty
 * @param choices  allowed values for {@link FieldKind#CHOICE}; for {@link FieldKind#REASON_CODE},
 *                 the codes the type accepts while an admin has configured none; empty otherwise
 * @since 1
 */
public record FieldDescriptor(String name, String label, FieldKind kind, FieldScope scope, boolean required,
                              String help, List<String> choices) {

    public FieldDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("Invalid field name '" + name + "': use letters, digits and hyphens");
        }
        help = help == null ? "" : help;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Creates a required document field. */
    public static FieldDescriptor documentField(String name, String label, FieldKind kind, String help) {
        return new FieldDescriptor(name, label, kind, FieldScope.DOCUMENT, true, help, List.of());
    }

    /** Creates a required line field. */
    public static FieldDescriptor lineField(String name, String label, FieldKind kind, String help) {
        return new FieldDescriptor(name, label, kind, FieldScope.LINE, true, help, List.of());
    }

    /**
     * Returns a copy of this field with {@code choices}: the allowed values of a
     * {@link FieldKind#CHOICE} field, or the default codes of a {@link FieldKind#REASON_CODE}
     * field, which the form then offers in a menu.
     */
    public FieldDescriptor withChoices(List<String> choices) {
        return new FieldDescriptor(name, label, kind, scope, required, help, choices);
    }

    /** Returns a copy of this field that may be left empty. */
    public FieldDescriptor optional() {
        return new FieldDescriptor(name, label, kind, scope, false, help, choices);
    }
}

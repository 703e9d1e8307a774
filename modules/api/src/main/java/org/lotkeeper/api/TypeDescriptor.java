package org.lotkeeper.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Self-description of an adjustment type.
 *
 * @param id          stable identifier, lower case letters, digits and hyphens (for example
 *                    {@code damage}); stored in every document, so it must never change
 * @param name        short human-readable name
 * @param description one or two sentences for the type list
 * @param version     version of the plugin itself, for example {@code 1.0.0}
 * @param spiVersion  SPI version the plugin was compiled against, normally
 *                    {@link SpiVersion#CURRENT}
 * @param lineSigns   the signs that lines of this type may have; the core rejects other lines
 * @param createsLots whether lines may create new lots (new batch, new location)
 * @param takesFromExpiredLots whether negative lines may take stock out of expired lots; only
 *                    write-offs of expired stock, moves and counts do, and the core rejects such
 *                    lines from every other type
 * @param choosesLots whether the type proposes lines on existing lots that no request line
 *                    names by {@code lotId}, as automatic lot choice, transfer destinations and
 *                    assembly components do; the core rejects such lines from other types
 * @param fields      input fields the form needs beyond lot, quantity and unit cost
 * @since 1
 */
public record TypeDescriptor(String id, String name, String description, String version, int spiVersion,
                             Set<LineSign> lineSigns, boolean createsLots, boolean takesFromExpiredLots,
                             boolean choosesLots, List<FieldDescriptor> fields) {

    public TypeDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("Invalid type id '" + id
                    + "': use 1 to 40 lower case letters, digits and hyphens, starting with a letter");
        }
        if (lineSigns == null || lineSigns.isEmpty()) {
            throw new IllegalArgumentException("Type '" + id + "' must allow at least one line sign");
        }
        description = description == null ? "" : description;
        lineSigns = Set.copyOf(lineSigns);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Starts a descriptor for the current SPI version with the given id and name. */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** Returns whether lines of this type may have the given sign. */
    public boolean allows(LineSign sign) {
        return lineSigns.contains(sign);
    }

    /** Builds a {@link TypeDescriptor} step by step. */
    public static final class Builder {

        private final String id;
        private final String name;
        private String description = "";
        private String version = "1.0.0";
        private int spiVersion = SpiVersion.CURRENT;
        private Set<LineSign> lineSigns = Set.of();
        private boolean createsLots;
        private boolean takesFromExpiredLots;
        private boolean choosesLots;
        private final java.util.ArrayList<FieldDescriptor> fields = new java.util.ArrayList<>();

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder version(String value) {
            version = value;
            return this;
        }

        public Builder spiVersion(int value) {
            spiVersion = value;
            return this;
        }

        public Builder lineSigns(LineSign... values) {
            lineSigns = Set.of(values);
            return this;
        }

        public Builder createsLots(boolean value) {
            createsLots = value;
            return this;
        }

        public Builder takesFromExpiredLots(boolean value) {
            takesFromExpiredLots = value;
            return this;
        }

        public Builder choosesLots(boolean value) {
            choosesLots = value;
            return this;
        }

        public Builder field(FieldDescriptor value) {
            fields.add(value);
            return this;
        }

        public TypeDescriptor build() {
            return new TypeDescriptor(id, name, description, version, spiVersion, lineSigns, createsLots,
                    takesFromExpiredLots, choosesLots, fields);
        }
    }
}

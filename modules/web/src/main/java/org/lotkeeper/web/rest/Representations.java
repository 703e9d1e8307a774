package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.RequestLineEntity;
import org.lotkeeper.core.catalog.BomEntry;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.ledger.StockRow;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeCallStats;
import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.posting.PostedLine;
import org.lotkeeper.core.support.JsonColumns;

/** JSON representations of the domain objects the API returns. Quantities carry no trailing zeros. */
final class Representations {

    private Representations() {
    }

    static JsonObject product(Product product) {
        return JSON.createObjectBuilder()
                .add("sku", product.getSku())
                .add("name", product.getName())
                .add("description", text(product.getDescription()))
                .add("category", text(product.getCategory()))
                .add("unit", product.getUnit())
                .add("decimals", product.getDecimals())
                .add("tracking", product.getTracking().name().toLowerCase())
                .add("assembly", product.isAssembly())
                .add("active", product.isActive())
                .build();
    }

    static JsonObject location(Location location) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("code", location.getCode())
                .add("name", location.getName());
        if (location.getParent() == null) {
            json.addNull("parent");
        } else {
            json.add("parent", location.getParent().getCode());
        }
        return json.build();
    }

    static JsonObject bomLine(BomEntry entry) {
        return JSON.createObjectBuilder()
                .add("assembly", entry.getAssembly().getSku())
                .add("component", entry.getComponent().getSku())
                .add("quantityPerUnit", quantity(entry.getQuantityPerUnit()))
                .add("optional", entry.isOptionalPart())
                .add("consumable", entry.isConsumable())
                .build();
    }

    static JsonObject lot(Lot lot, LocalDate today) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", lot.getId())
                .add("product", lot.getProduct().getSku())
                .add("code", lot.getCode())
                .add("location", lot.getLocation().getCode())
                .add("quantity", quantity(lot.getQuantity()))
                .add("value", lot.getValue())
                .add("unit", lot.getProduct().getUnit())
                .add("condition", lot.getCondition())
                .add("expired", org.lotkeeper.api.Expiry.isExpired(lot.getExpiry(), today));
        addDate(json, "expiry", lot.getExpiry());
        if (lot.getUnitCost() == null) {
            json.addNull("unitCost");
        } else {
            json.add("unitCost", lot.getUnitCost());
        }
        if (lot.getOrigin() != null) {
            json.add("origin", lot.getOrigin());
        }
        return json.build();
    }

    static JsonObject entry(LedgerEntry entry) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", entry.getId())
                .add("lotId", entry.getLotId())
                .add("documentId", entry.getDocumentId())
                .add("line", entry.getLineNo())
                .add("type", entry.getTypeId())
                .add("quantity", quantity(entry.getQuantity()))
                .add("value", entry.getValue())
                .add("effectiveAt", entry.getEffectiveAt().toString())
                .add("postedAt", entry.getPostedAt().toString())
                .add("postedBy", entry.getPostedBy())
                .add("costSource", entry.getCostSource())
                .add("reasonCode", text(entry.getReasonCode()))
                .add("note", text(entry.getNote()))
                .add("attributes", stringMap(JsonColumns.read(entry.getAttributesJson())));
        if (entry.getReversesEntryId() != null) {
            json.add("reversesEntryId", entry.getReversesEntryId());
        }
        return json.build();
    }

    static JsonObject postedLine(PostedLine line) {
        return JSON.createObjectBuilder()
                .add("line", line.lineNo())
                .add("lotId", line.lotId())
                .add("quantity", quantity(line.quantity()))
                .add("value", line.value())
                .add("quantityAfter", quantity(line.quantityAfter()))
                .add("valueAfter", line.valueAfter())
                .add("costSource", line.costSource())
                .build();
    }

    static JsonObject document(AdjustmentDocument document, List<LedgerEntry> entries) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", document.getId())
                .add("type", document.getTypeId())
                .add("status", document.getStatus().name())
                .add("effectiveDate", document.getEffectiveDate().toString())
                .add("effectiveAt", document.getEffectiveAt().toString())
                .add("createdBy", document.getCreatedBy())
                .add("createdAt", document.getCreatedAt().toString())
                .add("fields", stringMap(JsonColumns.read(document.getFieldsJson())));
        addText(json, "clientKey", document.getClientKey());
        addText(json, "submittedBy", document.getSubmittedBy());
        addInstant(json, "submittedAt", document.getSubmittedAt());
        addText(json, "postedBy", document.getPostedBy());
        addInstant(json, "postedAt", document.getPostedAt());
        if (document.getValueEffect() != null) {
            json.add("valueEffect", document.getValueEffect());
        }
        if (document.getReversesId() != null) {
            json.add("reverses", document.getReversesId());
        }
        if (document.getReversedById() != null) {
            json.add("reversedBy", document.getReversedById());
        }
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (RequestLineEntity line : document.getLines()) {
            lines.add(requestLine(line.toRequestLine()));
        }
        JsonArrayBuilder posted = JSON.createArrayBuilder();
        entries.forEach(entry -> posted.add(entry(entry)));
        return json.add("lines", lines).add("entries", posted).build();
    }

    static JsonObject requestLine(RequestLine line) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("line", line.index());
        if (line.lotId() != null) {
            json.add("lotId", line.lotId());
        }
        if (line.newLot() != null) {
            JsonObjectBuilder lot = JSON.createObjectBuilder()
                    .add("product", line.newLot().productSku())
                    .add("code", line.newLot().code())
                    .add("location", line.newLot().locationCode())
                    .add("condition", line.newLot().condition());
            addDate(lot, "expiry", line.newLot().expiry());
            json.add("newLot", lot);
        }
        if (line.quantity() != null) {
            json.add("quantity", line.quantity());
        }
        if (line.unitCost() != null) {
            json.add("unitCost", line.unitCost());
        }
        return json.add("fields", stringMap(line.fields())).build();
    }

    static JsonObject type(RegisteredType type, TypeSettingsView settings, TypeCallStats calls) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", type.id())
                .add("source", type.source())
                .add("origin", type.uploaded() ? "uploaded" : "built-in")
                .add("status", !type.loaded() ? "failed" : settings.enabled() ? "enabled" : "disabled");
        addText(json, "failure", type.failure());
        TypeDescriptor descriptor = type.descriptor();
        if (descriptor != null) {
            JsonArrayBuilder signs = JSON.createArrayBuilder();
            descriptor.lineSigns().stream().map(Enum::name).sorted().forEach(signs::add);
            JsonArrayBuilder fields = JSON.createArrayBuilder();
            for (FieldDescriptor field : descriptor.fields()) {
                JsonArrayBuilder choices = JSON.createArrayBuilder();
                field.choices().forEach(choices::add);
                fields.add(JSON.createObjectBuilder()
                        .add("name", field.name()).add("label", field.label())
                        .add("kind", field.kind().name()).add("scope", field.scope().name())
                        .add("required", field.required()).add("help", field.help())
                        .add("choices", choices));
            }
            json.add("name", descriptor.name())
                    .add("description", descriptor.description())
                    .add("version", descriptor.version())
                    .add("spiVersion", descriptor.spiVersion())
                    .add("lineSigns", signs)
                    .add("createsLots", descriptor.createsLots())
                    .add("takesFromExpiredLots", descriptor.takesFromExpiredLots())
                    .add("fields", fields);
        }
        JsonArrayBuilder reasons = JSON.createArrayBuilder();
        settings.reasonCodes().forEach(reasons::add);
        json.add("settings", JSON.createObjectBuilder()
                .add("enabled", settings.enabled())
                .add("approvalRequired", settings.approvalRequired())
                .add("backdatingDays", settings.backdatingDays())
                .add("reasonCodes", reasons)
                .add("properties", stringMap(settings.properties())));
        JsonObjectBuilder callJson = JSON.createObjectBuilder()
                .add("inFlight", calls.inFlight())
                .add("failed", calls.failed())
                .add("timedOut", calls.timedOut())
                .add("refused", calls.refused());
        addText(callJson, "lastFailure", calls.lastFailure());
        addInstant(callJson, "lastFailureAt", calls.lastFailureAt());
        json.add("calls", callJson);
        return json.build();
    }

    static JsonObject stockRow(StockRow row) {
        return JSON.createObjectBuilder()
                .add("key", row.key())
                .add("label", row.label())
                .add("quantity", quantity(row.quantity()))
                .add("value", row.value())
                .add("lots", row.lots())
                .build();
    }

    static BigDecimal quantity(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static JsonObject stringMap(java.util.Map<String, String> values) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        values.forEach((key, value) -> {
            if (value == null) {
                json.addNull(key);
            } else {
                json.add(key, value);
            }
        });
        return json.build();
    }

    private static jakarta.json.JsonValue text(String value) {
        return value == null ? jakarta.json.JsonValue.NULL : JSON.createValue(value);
    }

    private static void addText(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void addInstant(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    private static void addDate(JsonObjectBuilder json, String name, LocalDate value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }
}

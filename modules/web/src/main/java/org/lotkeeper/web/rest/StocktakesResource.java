package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.stocktake.CountLine;
import org.lotkeeper.core.stocktake.CountSheet;
import org.lotkeeper.core.stocktake.CountSheetService;
import org.lotkeeper.core.stocktake.Resolution;

/**
 * Count sheets: open one (snapshots are frozen then), enter counts, recount a lot, post the
 * variances as one stocktake document. On a blind sheet only admins see snapshots and variances.
 */
@Path("stocktakes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StocktakesResource {

    @Inject
    CountSheetService sheets;

    @Inject
    AdjustmentsResourceSupport support;

    /** Opens a sheet: {@code {"lots": [ids]} or {"location": CODE} or {"product": SKU}, "blind", "effectiveDate", "note"}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        List<Long> lots = new ArrayList<>();
        JsonValue lotsValue = json.get("lots");
        if (lotsValue != null && lotsValue.getValueType() == JsonValue.ValueType.ARRAY) {
            int index = 0;
            for (JsonValue item : lotsValue.asJsonArray()) {
                if (item instanceof JsonNumber number && number.isIntegral() && number.longValue() > 0) {
                    lots.add(number.longValue());
                } else {
                    input.add("lots[" + index + "]", item, "Must be a lot id.");
                }
                index++;
            }
        } else if (lotsValue != null && lotsValue.getValueType() != JsonValue.ValueType.NULL) {
            input.add("lots", lotsValue, "Must be an array of lot ids.");
        }
        String location = input.text(json, "location", "location", false);
        String product = input.text(json, "product", "product", false);
        boolean blind = input.flag(json, "blind", "blind");
        var date = input.date(json, "effectiveDate", "effectiveDate");
        String note = input.text(json, "note", "note", false);
        input.throwIfAny();

        CountSheet sheet = sheets.open(lots, location, product, blind, date, note);
        return Response.created(URI.create("stocktakes/" + sheet.getId())).entity(sheet(sheet).toString()).build();
    }

    @GET
    @Path("{id}")
    public String find(@PathParam("id") long id) {
        return sheet(sheets.find(id)).toString();
    }

    /** Adds a count: {@code {"lotId", "quantity", "unitCost"?}}. */
    @POST
    @Path("{id}/counts")
    @Consumes(MediaType.APPLICATION_JSON)
    public String count(@PathParam("id") long id, String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        Long lotId = input.id(json, "lotId", "lotId");
        BigDecimal quantity = input.decimal(json, "quantity", "quantity", true);
        BigDecimal unitCost = input.decimal(json, "unitCost", "unitCost", false);
        if (lotId == null && input.problems().isEmpty()) {
            input.add("lotId", null, "Required; give the id of the counted lot.");
        }
        input.throwIfAny();
        return sheet(sheets.count(id, lotId, quantity, unitCost)).toString();
    }

    /** Takes a new snapshot of a lot and clears its counts: {@code {"lotId"}}. */
    @POST
    @Path("{id}/recount")
    @Consumes(MediaType.APPLICATION_JSON)
    public String recount(@PathParam("id") long id, String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        Long lotId = input.id(json, "lotId", "lotId");
        if (lotId == null && input.problems().isEmpty()) {
            input.add("lotId", null, "Required; give the id of the lot to count again.");
        }
        input.throwIfAny();
        return sheet(sheets.recount(id, lotId)).toString();
    }

    /** Posts the sheet: {@code {"resolutions": {"<lotId>": "before" | "after"}}} for lots that moved. */
    @POST
    @Path("{id}/post")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") long id, String body) {
        Map<Long, Resolution> resolutions = new HashMap<>();
        if (body != null && !body.isBlank()) {
            JsonObject json = JsonBodies.object(body);
            JsonInput input = new JsonInput();
            JsonValue value = json.get("resolutions");
            if (value != null && value.getValueType() == JsonValue.ValueType.OBJECT) {
                value.asJsonObject().forEach((key, item) -> {
                    String path = "resolutions." + key;
                    try {
                        long lotId = Long.parseLong(key);
                        String text = item instanceof JsonString s ? s.getString() : "";
                        resolutions.put(lotId, Resolution.valueOf(text.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        input.add(path, item, "Use a lot id as the key and before or after as the value.");
                    }
                });
            } else if (value != null) {
                input.add("resolutions", value, "Must be an object such as {\"12\": \"before\"}.");
            }
            input.throwIfAny();
        }
        Submission submission = sheets.post(id, resolutions);
        return support.respond(submission);
    }

    @POST
    @Path("{id}/cancel")
    public String cancel(@PathParam("id") long id) {
        return sheet(sheets.cancel(id)).toString();
    }

    private JsonObject sheet(CountSheet sheet) {
        boolean showSnapshots = sheets.seesSnapshots(sheet);
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (CountLine line : sheet.getLines()) {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("lotId", line.getLot().getId())
                    .add("product", line.getLot().getProduct().getSku())
                    .add("code", line.getLot().getCode())
                    .add("location", line.getLot().getLocation().getCode())
                    .add("counts", line.getEntries().size());
            BigDecimal counted = line.counted();
            if (counted == null) {
                json.addNull("counted");
            } else {
                json.add("counted", Representations.quantity(counted));
            }
            if (showSnapshots) {
                json.add("snapshot", Representations.quantity(line.getSnapshotQuantity()));
                json.add("snapshotValue", line.getSnapshotValue());
                if (counted != null) {
                    BigDecimal variance = counted.subtract(line.getSnapshotQuantity());
                    json.add("variance", Representations.quantity(variance));
                    BigDecimal cost = line.getLot().getUnitCost();
                    if (cost != null) {
                        json.add("varianceValue", variance.multiply(cost).setScale(2, RoundingMode.HALF_UP));
                    }
                }
            }
            lines.add(json);
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", sheet.getId())
                .add("status", sheet.getStatus().name())
                .add("blind", sheet.isBlind())
                .add("effectiveDate", sheet.getEffectiveDate().toString())
                .add("createdBy", sheet.getCreatedBy())
                .add("snapshotsShown", showSnapshots)
                .add("lines", lines);
        if (sheet.getDocumentId() != null) {
            json.add("documentId", sheet.getDocumentId());
        }
        return json.build();
    }
}

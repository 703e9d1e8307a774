package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.DocumentStatus;
import org.lotkeeper.core.adjustments.DuplicateSubmissionException;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.posting.PostedLine;
import org.lotkeeper.core.support.BusinessException;

/**
 * Adjustment documents of every type through one endpoint. A submission with
 * {@code "post": true} creates and posts the document in one transaction; the
 * {@code Idempotency-Key} header makes repeats return the original document.
 */
@Path("adjustments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdjustmentsResource {

    /** Header that carries the client's submission key. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    AdjustmentService adjustments;

    @Inject
    AdjustmentsResourceSupport support;

    @GET
    public String list(@QueryParam("type") String type, @QueryParam("status") String status,
                       @QueryParam("offset") @DefaultValue("0") int offset,
                       @QueryParam("limit") @DefaultValue("50") int limit) {
        DocumentStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = DocumentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BusinessException.invalid("status", status, "Must be DRAFT, SUBMITTED, POSTED or REVERSED.");
            }
        }
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (AdjustmentDocument document : adjustments.list(LotsResource.blankToNull(type), parsedStatus,
                Paging.offset(offset), Paging.limit(limit))) {
            items.add(Representations.document(document, List.of()));
        }
        return items.build().toString();
    }

    @GET
    @Path("{id}")
    public String document(@PathParam("id") long id) {
        return Representations.document(adjustments.find(id), adjustments.entriesOf(id)).toString();
    }

    /** Creates a document, and posts it when the body contains {@code "post": true}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(IDEMPOTENCY_KEY) String clientKey, String body) {
        JsonObject json = JsonBodies.object(body);
        String key = checkKey(clientKey);
        JsonInput input = new JsonInput();
        AdjustmentCommand command = command(json, input);
        boolean post = input.flag(json, "post", "post");
        input.throwIfAny();

        Submission submission;
        try {
            submission = adjustments.submit(command, key, post);
        } catch (DuplicateSubmissionException e) {
            submission = adjustments.replayAfterRace(command, key);
        } catch (RuntimeException e) {
            if (key != null && causedByDuplicate(e)) {
                submission = adjustments.replayAfterRace(command, key);
            } else {
                throw e;
            }
        }
        return support.respond(submission);
    }

    /** Runs a request through its type and the posting rules, and returns what it would post. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public String preview(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        AdjustmentCommand command = command(json, input);
        input.throwIfAny();

        List<PostedLine> lines = adjustments.preview(command);
        return AdjustmentsResourceSupport.lines(lines).build().toString();
    }

    /** Replaces a draft's date, fields and lines; the body has the same form as a new document. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String revise(@PathParam("id") long id, String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        AdjustmentCommand command = command(json, input);
        input.throwIfAny();

        AdjustmentDocument document = adjustments.revise(id, command);
        return Representations.document(document, List.of()).toString();
    }

    @POST
    @Path("{id}/post")
    public Response post(@PathParam("id") long id) {
        return support.respond(adjustments.post(id));
    }

    @POST
    @Path("{id}/submit")
    public String submit(@PathParam("id") long id) {
        AdjustmentDocument document = adjustments.submitForApproval(id);
        return Representations.document(document, List.of()).toString();
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id) {
        return support.respond(adjustments.approve(id));
    }

    /** Reverses a posted document; {@code ?date=original} posts the reversal at the original date. */
    @POST
    @Path("{id}/reverse")
    public Response reverse(@PathParam("id") long id, @QueryParam("date") @DefaultValue("now") String date) {
        boolean original = switch (date) {
            case "now" -> false;
            case "original" -> true;
            default -> throw BusinessException.invalid("date", date, "Must be now or original.");
        };
        return support.respond(adjustments.reverse(id, original));
    }

    static AdjustmentCommand command(JsonObject json, JsonInput input) {
        String type = input.text(json, "type", "type", true);
        var date = input.date(json, "effectiveDate", "effectiveDate");
        Map<String, String> fields = input.fields(json, "fields", "fields");

        List<RequestLine> lines = new ArrayList<>();
        JsonValue linesValue = json.get("lines");
        if (linesValue != null && linesValue.getValueType() != JsonValue.ValueType.ARRAY) {
            input.add("lines", linesValue.getValueType(), "Must be an array of lines.");
        } else if (linesValue != null) {
            int index = 0;
            for (JsonValue item : linesValue.asJsonArray()) {
                RequestLine line = line(item, index, input);
                if (line != null) {
                    lines.add(line);
                }
                index++;
            }
        }
        return new AdjustmentCommand(type, date, fields, lines);
    }

    private static RequestLine line(JsonValue item, int index, JsonInput input) {
        String path = "lines[" + index + "]";
        JsonObject json = JsonInput.object(item, path, input);
        if (json == null) {
            return null;
        }
        Long lotId = input.id(json, "lotId", path + ".lotId");
        NewLot newLot = null;
        if (json.containsKey("newLot") && !json.isNull("newLot")) {
            JsonObject lot = JsonInput.object(json.get("newLot"), path + ".newLot", input);
            if (lot != null) {
                String product = input.text(lot, "product", path + ".newLot.product", true);
                String code = input.text(lot, "code", path + ".newLot.code", false);
                String location = input.text(lot, "location", path + ".newLot.location", true);
                var expiry = input.date(lot, "expiry", path + ".newLot.expiry");
                String condition = input.text(lot, "condition", path + ".newLot.condition", false);
                if (product != null && location != null) {
                    newLot = new NewLot(product, code == null ? NewLot.ALL : code, location, expiry, condition);
                }
            }
        }
        if (lotId != null && newLot != null) {
            input.add(path, null, "Give either lotId or newLot, not both.");
        }
        BigDecimal quantity = input.decimal(json, "quantity", path + ".quantity", false);
        BigDecimal unitCost = input.decimal(json, "unitCost", path + ".unitCost", false);
        if (unitCost != null && unitCost.scale() > 4) {
            input.add(path + ".unitCost", unitCost.toPlainString(), "A unit cost has at most 4 decimals.");
        }
        Map<String, String> fields = input.fields(json, "fields", path + ".fields");
        return new RequestLine(index, lotId, newLot, quantity, unitCost, fields);
    }

    private static String checkKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw BusinessException.invalid(IDEMPOTENCY_KEY, key,
                    "An Idempotency-Key has 1 to 200 visible ASCII characters, such as a UUID.");
        }
        return key;
    }

    private static boolean causedByDuplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateSubmissionException) {
                return true;
            }
            String message = String.valueOf(cause.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("submission_key_pk")) {
                return true;
            }
        }
        return false;
    }
}

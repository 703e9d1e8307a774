package org.lotkeeper.web.rest;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.posting.PostedLine;

/** Builds the response for a created, posted or replayed document, the same for every endpoint. */
@ApplicationScoped
public class AdjustmentsResourceSupport {

    @Inject
    AdjustmentService adjustments;

    Response respond(Submission submission) {
        AdjustmentDocument document = submission.document();
        JsonObjectBuilder json = Json.createObjectBuilder(
                Representations.document(document, adjustments.entriesOf(document.getId())));
        json.add("replayed", submission.replayed());
        json.add("posted", lines(submission.posted()));
        Response.ResponseBuilder response = submission.replayed() ? Response.ok()
                : Response.created(URI.create("adjustments/" + document.getId()));
        return response.header("Idempotency-Replayed", Boolean.toString(submission.replayed()))
                .entity(json.build().toString()).build();
    }

    static JsonArrayBuilder lines(List<PostedLine> posted) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        posted.forEach(line -> items.add(Representations.postedLine(line)));
        return items;
    }
}

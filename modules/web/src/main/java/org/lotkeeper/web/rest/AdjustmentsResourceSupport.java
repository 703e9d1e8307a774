package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.Submission;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.posting.PostedLine;

/** Builds the response for a created, posted or replayed document, the same for every endpoint. */
@ApplicationScoped
public class AdjustmentsResourceSupport {

    @Inject
    AdjustmentService adjustments;

    Response respond(Submission submission) {
        AdjustmentDocument document = submission.document();
        JsonObjectBuilder json = JSON.createObjectBuilder(Representations.document(document, entries(submission)));
        json.add("replayed", submission.replayed());
        json.add("posted", lines(submission.posted()));
        Response.ResponseBuilder response = submission.replayed() ? Response.ok()
                : Response.created(URI.create("adjustments/" + document.getId()));
        return response.header("Idempotency-Replayed", Boolean.toString(submission.replayed()))
                .entity(json.build().toString()).build();
    }

    /**
     * Returns the document's entries: those this call wrote, which are the document's only
     * entries because a document posts once, or for a replay the stored ones.
     */
    private List<LedgerEntry> entries(Submission submission) {
        if (submission.replayed()) {
            return adjustments.entriesOf(submission.document().getId());
        }
        return submission.posted().stream()
                .map(PostedLine::entry)
                .sorted(Comparator.comparingInt(LedgerEntry::getLineNo).thenComparing(LedgerEntry::getId))
                .toList();
    }

    static JsonArrayBuilder lines(List<PostedLine> posted) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        posted.forEach(line -> items.add(Representations.postedLine(line)));
        return items;
    }
}

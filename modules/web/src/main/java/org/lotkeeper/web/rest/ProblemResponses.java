package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lotkeeper.api.Problem;

/** Builds {@code application/problem+json} responses (RFC 9457) with a list of field problems. */
final class ProblemResponses {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private ProblemResponses() {
    }

    static Response of(int status, String code, String title, String detail, List<Problem> problems) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (Problem problem : problems) {
            JsonObjectBuilder item = JSON.createObjectBuilder().add("field", problem.field())
                    .add("message", problem.message());
            if (problem.value() == null) {
                item.addNull("value");
            } else {
                item.add("value", problem.value());
            }
            items.add(item);
        }
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", "urn:lotkeeper:problem:" + code)
                .add("title", title)
                .add("status", status)
                .add("code", code)
                .add("detail", detail == null ? title : detail)
                .add("problems", items);
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
    }
}

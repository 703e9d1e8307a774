package org.lotkeeper.benchmark.probe;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.Submission;

/**
 * Times {@link AdjustmentService#submit} inside the server, without HTTP and JSON per document.
 * The benchmark sends all documents in one request, in the body form of
 * {@code POST /api/v1/adjustments} ({@code type} and {@code lines} with {@code lotId},
 * {@code quantity}, {@code unitCost} and {@code fields}), plus {@code warmup}, the number of
 * leading documents left out of the timings. Each document is submitted with a new client key
 * and {@code post} set, in its own transaction, as the REST endpoint does. The response lists the
 * nanoseconds of every timed call and the id and line count of every posted document.
 *
 * <p>The path lies under {@code /api/}, so the application's HTTP Basic authentication and its
 * role constraint apply. The benchmark adds this jar to its own copy of the WAR only.
 */
@WebServlet("/api/benchmark/service-layer")
public class ServiceLayerProbe extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ServiceLayerProbe.class.getName());

    @Inject
    AdjustmentService adjustments;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body;
        try (JsonReader reader = JSON.createReader(request.getReader())) {
            body = reader.readObject();
        }
        int warmup = body.getInt("warmup", 0);
        List<AdjustmentCommand> commands = new ArrayList<>();
        for (JsonValue document : body.getJsonArray("documents")) {
            commands.add(command(document.asJsonObject()));
        }
        LOG.info(() -> "Submitting " + commands.size() + " documents in process, " + warmup + " of them as warm-up");

        JsonArrayBuilder nanos = JSON.createArrayBuilder();
        JsonArrayBuilder posted = JSON.createArrayBuilder();
        long measuredFrom = System.nanoTime();
        for (int i = 0; i < commands.size(); i++) {
            if (i == warmup) {
                measuredFrom = System.nanoTime();
            }
            long start = System.nanoTime();
            Submission submission = adjustments.submit(commands.get(i), UUID.randomUUID().toString(), true);
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                nanos.add(elapsed);
            }
            posted.add(JSON.createObjectBuilder().add("id", submission.document().getId())
                    .add("entries", submission.posted().size()));
        }
        long wallNanos = System.nanoTime() - measuredFrom;

        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.createObjectBuilder().add("nanos", nanos).add("wallNanos", wallNanos)
                .add("documents", posted).build().toString());
    }

    private static AdjustmentCommand command(JsonObject document) {
        List<RequestLine> lines = new ArrayList<>();
        JsonArray items = document.getJsonArray("lines");
        for (int index = 0; index < items.size(); index++) {
            JsonObject line = items.getJsonObject(index);
            Map<String, String> fields = new HashMap<>();
            JsonObject fieldsJson = line.getJsonObject("fields");
            if (fieldsJson != null) {
                fieldsJson.forEach((name, value) -> fields.put(name, ((jakarta.json.JsonString) value).getString()));
            }
            lines.add(new RequestLine(index, line.getJsonNumber("lotId").longValue(), null,
                    decimal(line, "quantity"), decimal(line, "unitCost"), fields));
        }
        return new AdjustmentCommand(document.getString("type"), null, Map.of(), lines);
    }

    private static BigDecimal decimal(JsonObject line, String name) {
        return line.containsKey(name) ? new BigDecimal(line.getString(name)) : null;
    }
}

package org.lotkeeper.web.screens;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Chart.js configurations as JSON text, the value that PrimeFaces' {@code p:chart} renders.
 * Numbers are written as JSON numbers with the scale they have, so the page carries the exact
 * amounts.
 */
public final class ChartConfigs {

    /** Colours of successive data sets. */
    private static final List<String> COLOURS = List.of("#2f6fb0", "#c0504d", "#9bbb59", "#8064a2", "#4bacc6",
            "#f79646", "#7f7f7f", "#1f3b57");

    private ChartConfigs() {
    }

    /**
     * Returns a stacked bar chart.
     *
     * @param labels   the categories along the x axis
     * @param datasets one series per data set label, one value per category
     */
    public static String stackedBars(List<String> labels, Map<String, List<BigDecimal>> datasets, String yTitle) {
        JsonArrayBuilder sets = Json.createArrayBuilder();
        int index = 0;
        for (Map.Entry<String, List<BigDecimal>> dataset : datasets.entrySet()) {
            sets.add(Json.createObjectBuilder().add("label", dataset.getKey()).add("data", numbers(dataset.getValue()))
                    .add("backgroundColor", COLOURS.get(index++ % COLOURS.size())));
        }
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("stacked", true))
                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true).add("title", title(yTitle)));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", texts(labels)).add("datasets", sets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("scales", scales))
                .build().toString();
    }

    /**
     * Returns a line chart of two series that step from point to point, the first on the left
     * axis and the second on the right one.
     */
    public static String steppedLines(List<String> labels, String leftLabel, List<BigDecimal> left, String rightLabel,
                                      List<BigDecimal> right) {
        JsonArrayBuilder sets = Json.createArrayBuilder()
                .add(line(leftLabel, left, "y", COLOURS.get(0)))
                .add(line(rightLabel, right, "y1", COLOURS.get(1)));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("y", Json.createObjectBuilder().add("position", "left").add("beginAtZero", true)
                        .add("title", title(leftLabel)))
                .add("y1", Json.createObjectBuilder().add("position", "right").add("beginAtZero", true)
                        .add("title", title(rightLabel)).add("grid", Json.createObjectBuilder().add("drawOnChartArea", false)));
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", texts(labels)).add("datasets", sets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("scales", scales))
                .build().toString();
    }

    private static JsonObjectBuilder line(String label, List<BigDecimal> values, String axis, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", numbers(values)).add("yAxisID", axis)
                .add("stepped", true).add("borderColor", colour).add("backgroundColor", colour);
    }

    private static JsonObjectBuilder title(String text) {
        return Json.createObjectBuilder().add("display", true).add("text", text);
    }

    private static JsonArrayBuilder texts(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static JsonArrayBuilder numbers(List<BigDecimal> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}

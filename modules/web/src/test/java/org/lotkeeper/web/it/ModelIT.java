package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotkeeper.web.it.StockModel.Consumed;
import org.lotkeeper.web.it.StockModel.Explicit;
import org.lotkeeper.web.it.StockModel.Fixed;
import org.lotkeeper.web.it.StockModel.Line;
import org.lotkeeper.web.it.StockModel.LotCost;
import org.lotkeeper.web.it.StockModel.Posting;

/**
 * Runs random sequences of adjustments against the server and compares every lot's quantity,
 * value and unit cost with {@link StockModel} after each step. An operation the model rejects
 * must be rejected and change nothing, and one it accepts must post lines of exactly the
 * predicted quantities and values.
 *
 * <p>The operations are openings of new and existing lots, damage write-offs, samples, picking
 * corrections, transfers, reversals (now or at the original date), documents backdated up to 40
 * days, documents with too many decimals or beyond the backdating window, and count sheets with
 * blind spots, split counts, movements during counting, recounts and resolutions.
 *
 * <p>System properties: {@code lotkeeper.model.operations} sets the number of operations
 * (default 300, in sequences of 100 on fresh products), and {@code lotkeeper.model.seed} the
 * random seed. A failure prints the seed and the operations of the failing sequence, and the
 * same seed replays them.
 *
 * <p>NOTE: the model takes the business date once per sequence, so a sequence that runs across
 * midnight in the business time zone may fail without a fault in the server.
 */
@ExtendWith(ArquillianExtension.class)
class ModelIT {

    static final int OPERATIONS = Integer.getInteger("lotkeeper.model.operations", 300);
    static final int SEQUENCE_LENGTH = 100;
    /** Backdating window set for every type the test uses, in days. */
    static final int BACKDATING_DAYS = 60;
    static final List<String> TYPES = List.of("opening", "damage", "sample", "picking-correction", "transfer", "stocktake");
    static final List<String> COSTS = List.of("0.3333", "1.0000", "2.5000", "0.0700", "3.1416", "12.3457", "0.0001");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    Api api;
    final Map<String, Integer> originalBackdatingDays = new HashMap<>();

    // State of the running sequence.
    Random random;
    StockModel model;
    String[] locations;
    String[] skus;
    int[] decimals;
    int lotCounter;
    int postedCount;
    int rejectedCount;
    final List<String> log = new ArrayList<>();
    final List<Document> documents = new ArrayList<>();

    /** A posted document as the model records it, for reversals. */
    static final class Document {
        final long id;
        final String type;
        final LocalDate date;
        final long key;
        final List<long[]> lots = new ArrayList<>();
        final List<BigDecimal[]> amounts = new ArrayList<>();
        final boolean reversal;
        boolean reversed;

        Document(long id, String type, LocalDate date, long key, boolean reversal) {
            this.id = id;
            this.type = type;
            this.date = date;
            this.key = key;
            this.reversal = reversal;
        }
    }

    @BeforeEach
    void widenBackdating() {
        api = Api.admin(url);
        for (String type : TYPES) {
            JsonObject settings = api.get("/api/v1/adjustment-types/" + type).json().getJsonObject("settings");
            originalBackdatingDays.put(type, settings.getInt("backdatingDays"));
            api.allowBackdating(type, BACKDATING_DAYS);
        }
    }

    @AfterEach
    void restoreBackdating() {
        originalBackdatingDays.forEach((type, days) -> api.allowBackdating(type, days));
    }

    @Test
    void randomSequencesMatchModel() {
        long seed = Long.getLong("lotkeeper.model.seed", new Random().nextLong());
        System.out.println("ModelIT: seed " + seed + ", " + OPERATIONS + " operations; replay with -Dlotkeeper.model.seed="
                + seed);
        Random master = new Random(seed);
        int sequences = (OPERATIONS + SEQUENCE_LENGTH - 1) / SEQUENCE_LENGTH;
        for (int sequence = 1; sequence <= sequences; sequence++) {
            int length = Math.min(SEQUENCE_LENGTH, OPERATIONS - (sequence - 1) * SEQUENCE_LENGTH);
            runSequence(new Random(master.nextLong()), length, "seed " + seed + ", sequence " + sequence);
        }
    }

    @Test
    void recountOfPastSheetUsesItsDate() {
        // Day 1: +100 @ 1.00, day 5: -30; a sheet dated day 3 is counted, recounted and counted 95.
        LocalDate today = api.today();
        LocalDate day1 = today.minusDays(11);
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "C07", location, "100", "1.00", day1, null);
        assertEquals(201, api.damage(lot, "30", day1.plusDays(4)).status());
        Api.Response opened = api.post("/api/v1/stocktakes",
                "{\"lots\":[" + lot + "],\"effectiveDate\":\"" + day1.plusDays(2) + "\"}");
        assertEquals(201, opened.status(), opened.body());
        long sheet = opened.json().getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/stocktakes/" + sheet + "/counts", "{\"lotId\":" + lot + ",\"quantity\":90}")
                .status());

        Api.Response recount = api.post("/api/v1/stocktakes/" + sheet + "/recount", "{\"lotId\":" + lot + "}");
        assertEquals(200, recount.status(), recount.body());
        assertEquals(0, new BigDecimal("100").compareTo(recount.json().getJsonArray("lines").getJsonObject(0)
                .getJsonNumber("snapshot").bigDecimalValue()), "the new snapshot is the quantity of the sheet's date");
        assertEquals(200, api.post("/api/v1/stocktakes/" + sheet + "/counts", "{\"lotId\":" + lot + ",\"quantity\":95}")
                .status());
        Api.Response posted = api.post("/api/v1/stocktakes/" + sheet + "/post", "{}");

        assertEquals(201, posted.status(), posted.body());
        assertEquals(0, new BigDecimal("-5").compareTo(posted.json().getJsonArray("posted").getJsonObject(0)
                .getJsonNumber("quantity").bigDecimalValue()), "variance against the snapshot of the sheet's date");
        assertEquals(0, new BigDecimal("65").compareTo(api.quantity(lot)), "100 - 30 - 5");
        assertEquals(new BigDecimal("65.00"), api.value(lot));
    }

    private void runSequence(Random sequenceRandom, int length, String context) {
        random = sequenceRandom;
        model = new StockModel(api.today());
        locations = new String[] {api.location(), api.location()};
        skus = new String[] {api.product("pcs"), api.product("kg")};
        decimals = new int[] {0, 3};
        lotCounter = 0;
        postedCount = 0;
        rejectedCount = 0;
        log.clear();
        documents.clear();
        try {
            for (int i = 0; i < 3; i++) {
                openNewLot(false);
            }
            for (int step = 0; step < length; step++) {
                randomOperation();
            }
            JsonObject verification = api.verification();
            assertTrue(verification.getBoolean("consistent"), "ledger verification: " + verification);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(context + " failed: " + e.getMessage() + "\nOperations (replay with "
                    + "-Dlotkeeper.model.seed):\n  " + String.join("\n  ", log), e);
        }
        System.out.println("ModelIT: " + context + ": " + length + " operations match the model (" + postedCount
                + " documents posted, " + rejectedCount + " requests rejected, " + model.lots.size() + " lots)");
    }

    private void randomOperation() {
        int choice = random.nextInt(100);
        if (choice < 10) {
            openNewLot(random.nextInt(4) == 0);
        } else if (choice < 18) {
            openExistingLot();
        } else if (choice < 33) {
            writeOff("damage");
        } else if (choice < 41) {
            writeOff("sample");
        } else if (choice < 51) {
            correctPicking();
        } else if (choice < 63) {
            transfer();
        } else if (choice < 75) {
            reverse();
        } else if (choice < 85) {
            countSheet();
        } else if (choice < 90) {
            tooManyDecimals();
        } else {
            beyondBackdatingWindow();
        }
    }

    // Operations. Each builds a request and the model's lines, then posts and compares.

    private void openNewLot(boolean backdated) {
        int product = random.nextInt(2);
        String code = "B" + (++lotCounter);
        String location = locations[random.nextInt(2)];
        StockModel.Lot lot = new StockModel.Lot(skus[product], code, location, decimals[product]);
        BigDecimal quantity = quantity(product, 1, 20);
        String cost = cost();
        LocalDate date = backdated ? pastDate() : model.today;
        String line = "{\"newLot\":{\"product\":\"" + lot.sku + "\",\"code\":\"" + code + "\",\"location\":\"" + location
                + "\"},\"quantity\":\"" + quantity.toPlainString() + "\",\"unitCost\":\"" + cost + "\"}";
        postDocument("opening of new lot " + code + "@" + location + " +" + quantity + " @ " + cost, "opening", date, "",
                List.of(line), List.of(new Line(lot, quantity, new Explicit(new BigDecimal(cost)))));
    }

    private void openExistingLot() {
        StockModel.Lot lot = anyLot();
        BigDecimal quantity = quantity(productOf(lot), 1, 10);
        String cost = random.nextBoolean() && lot.unitCost != null ? lot.unitCost.toPlainString() : cost();
        LocalDate date = random.nextInt(4) == 0 ? pastDate() : model.today;
        String line = "{\"lotId\":" + lot.id + ",\"quantity\":\"" + quantity.toPlainString() + "\",\"unitCost\":\"" + cost
                + "\"}";
        postDocument("opening on " + lot + " +" + quantity + " @ " + cost, "opening", date, "", List.of(line),
                List.of(new Line(lot, quantity, new Explicit(new BigDecimal(cost)))));
    }

    /** Posts a damage write-off or a sample of one or two lines, sometimes more than the lot holds. */
    private void writeOff(String type) {
        int lineCount = 1 + random.nextInt(2);
        List<String> lines = new ArrayList<>();
        List<Line> modelLines = new ArrayList<>();
        StringBuilder description = new StringBuilder(type);
        for (int i = 0; i < lineCount; i++) {
            StockModel.Lot lot = anyLot();
            BigDecimal quantity = removalQuantity(lot);
            String fields = type.equals("damage") ? ",\"fields\":{\"reason\":\"BROKEN\"}" : "";
            lines.add("{\"lotId\":" + lot.id + ",\"quantity\":\"" + quantity.toPlainString() + "\"" + fields + "}");
            modelLines.add(new Line(lot, quantity.negate(), new LotCost()));
            description.append(' ').append(lot).append(" -").append(quantity);
        }
        LocalDate date = random.nextInt(4) == 0 ? pastDate() : model.today;
        String documentFields = type.equals("sample") ? ",\"fields\":{\"recipient\":\"Trade fair\"}" : "";
        postDocument(description.toString(), type, date, documentFields, lines, modelLines);
    }

    private void correctPicking() {
        StockModel.Lot lot = anyLot();
        boolean returned = random.nextBoolean();
        BigDecimal quantity = returned ? quantity(productOf(lot), 1, 5) : removalQuantity(lot);
        BigDecimal signed = returned ? quantity : quantity.negate();
        LocalDate date = random.nextInt(4) == 0 ? pastDate() : model.today;
        String line = "{\"lotId\":" + lot.id + ",\"quantity\":\"" + signed.toPlainString() + "\"}";
        postDocument("picking correction " + lot + " " + signed, "picking-correction", date,
                ",\"fields\":{\"orderReference\":\"SO-1\"}", List.of(line), List.of(new Line(lot, signed, new LotCost())));
    }

    /** Moves stock to the same code at the other location, or into another lot of the product. */
    private void transfer() {
        StockModel.Lot source = anyLot();
        BigDecimal quantity = removalQuantity(source);
        List<StockModel.Lot> others = model.lots.values().stream()
                .filter(lot -> lot.sku.equals(source.sku) && lot.id != source.id).toList();
        StockModel.Lot destination;
        String field;
        if (others.isEmpty() || random.nextBoolean()) {
            String location = source.location.equals(locations[0]) ? locations[1] : locations[0];
            destination = model.lots.values().stream().filter(lot -> lot.sku.equals(source.sku)
                    && lot.code.equals(source.code) && lot.location.equals(location)).findFirst()
                    .orElse(new StockModel.Lot(source.sku, source.code, location, source.decimals));
            field = "\"toLocation\":\"" + location + "\"";
        } else {
            destination = others.get(random.nextInt(others.size()));
            field = "\"toLotId\":\"" + destination.id + "\"";
        }
        LocalDate date = random.nextInt(4) == 0 ? pastDate() : model.today;
        String line = "{\"lotId\":" + source.id + ",\"quantity\":\"" + quantity.toPlainString() + "\",\"fields\":{"
                + field + "}}";
        postDocument("transfer " + source + " -" + quantity + " to " + (destination.id < 0 ? "new lot at "
                + destination.location : destination), "transfer", date, "", List.of(line),
                List.of(new Line(source, quantity.negate(), new LotCost()),
                        new Line(destination, quantity, new Consumed(0))));
    }

    private void tooManyDecimals() {
        StockModel.Lot lot = anyLot();
        BigDecimal quantity = lot.decimals == 0 ? new BigDecimal("0.5") : new BigDecimal("0.0005");
        String line = "{\"lotId\":" + lot.id + ",\"quantity\":\"" + quantity.toPlainString()
                + "\",\"fields\":{\"reason\":\"BROKEN\"}}";
        postDocument("damage with too many decimals " + lot + " -" + quantity, "damage", model.today, "", List.of(line),
                List.of(new Line(lot, quantity.negate(), new LotCost())));
    }

    private void beyondBackdatingWindow() {
        StockModel.Lot lot = anyLot();
        LocalDate date = model.today.minusDays(BACKDATING_DAYS + 1 + random.nextInt(10));
        String line = "{\"lotId\":" + lot.id + ",\"quantity\":\"1\",\"fields\":{\"reason\":\"BROKEN\"}}";
        postDocument("damage dated " + date + ", beyond the backdating window, " + lot + " -1", "damage", date, "",
                List.of(line), List.of(new Line(lot, BigDecimal.ONE.negate(), new LotCost())));
    }

    private void reverse() {
        if (documents.isEmpty()) {
            return;
        }
        Document original = documents.get(random.nextInt(documents.size()));
        boolean atOriginalDate = random.nextBoolean();
        String description = "reversal of document " + original.id + " (" + original.type + " of " + original.date + ")"
                + (atOriginalDate ? " at its date" : " now");
        String path = "/api/v1/adjustments/" + original.id + "/reverse" + (atOriginalDate ? "?date=original" : "");
        if (original.reversal || original.reversed) {
            expectRejected(description, "document is a reversal or reversed already", api.post(path, ""));
            return;
        }
        LocalDate date = atOriginalDate ? original.date : model.today;
        List<Line> lines = new ArrayList<>();
        String counted = null;
        for (int i = 0; i < original.lots.size(); i++) {
            StockModel.Lot lot = model.lots.get(original.lots.get(i)[0]);
            BigDecimal[] amounts = original.amounts.get(i);
            lines.add(new Line(lot, amounts[0].negate(), new Fixed(amounts[1].negate())));
            if (counted == null) {
                counted = StockModel.stocktakeAfter(lot, original.key, original.id);
            }
        }
        long key = model.keyOf(date);
        Posting posting = counted != null ? new Posting(counted, Map.of(), List.of(), key) : model.predict(lines, key, -1);
        Document reversal = settle(description, posting, lines, api.post(path, ""), original.type, date, true);
        if (reversal != null) {
            original.reversed = true;
        }
    }

    /**
     * Opens a count sheet on one or two lots, counts some of them (a lot may be counted in two
     * parts, or not at all), sometimes moves or recounts a lot meanwhile, and posts it.
     */
    private void countSheet() {
        List<StockModel.Lot> lots = new ArrayList<>();
        lots.add(anyLot());
        if (random.nextBoolean()) {
            StockModel.Lot second = anyLot();
            if (second != lots.get(0)) {
                lots.add(second);
            }
        }
        LocalDate date = random.nextInt(3) == 0 ? pastDate() : model.today;
        StringBuilder ids = new StringBuilder();
        lots.forEach(lot -> ids.append(ids.isEmpty() ? "" : ",").append(lot.id));
        Api.Response opened = api.post("/api/v1/stocktakes", "{\"lots\":[" + ids + "]"
                + (date.equals(model.today) ? "" : ",\"effectiveDate\":\"" + date + "\"") + "}");
        String description = "count sheet of " + date + " on " + lots;
        log.add(description + " -> " + opened.status());
        assertEquals(201, opened.status(), description + ": " + opened.body());
        long sheet = opened.json().getJsonNumber("id").longValue();

        Map<Long, BigDecimal> snapshots = new LinkedHashMap<>();
        Map<Long, Integer> entriesAtSnapshot = new HashMap<>();
        Map<Long, BigDecimal> counted = new LinkedHashMap<>();
        long snapshotKey = date.isBefore(model.today) ? model.keyOf(date) : Long.MAX_VALUE;
        for (StockModel.Lot lot : lots) {
            snapshots.put(lot.id, lot.quantityAt(snapshotKey));
            entriesAtSnapshot.put(lot.id, lot.entries.size());
            if (random.nextInt(5) > 0) {
                counted.put(lot.id, count(sheet, lot, snapshots.get(lot.id)));
            }
        }

        if (random.nextInt(10) == 0) {
            Api.Response second = api.post("/api/v1/stocktakes", "{\"lots\":[" + lots.get(0).id + "]}");
            expectRejected("second count sheet on " + lots.get(0), "the lot is on an open count sheet", second);
        }
        if (random.nextInt(3) == 0) {
            StockModel.Lot moved = model.lots.get(lots.get(random.nextInt(lots.size())).id);
            log.add("  movement while counting:");
            if (random.nextBoolean()) {
                correctPicking(moved);
            } else {
                writeOff(moved);
            }
        }
        if (random.nextInt(6) == 0) {
            StockModel.Lot lot = model.lots.get(lots.get(random.nextInt(lots.size())).id);
            Api.Response recount = api.post("/api/v1/stocktakes/" + sheet + "/recount", "{\"lotId\":" + lot.id + "}");
            log.add("  recount of " + lot + " -> " + recount.status());
            assertEquals(200, recount.status(), "recount: " + recount.body());
            // A recount freezes the lot again as of the sheet's date, like opening the sheet does.
            snapshots.put(lot.id, lot.quantityAt(snapshotKey));
            entriesAtSnapshot.put(lot.id, lot.entries.size());
            counted.put(lot.id, count(sheet, lot, snapshots.get(lot.id)));
        }

        postSheet(sheet, date, lots, snapshots, entriesAtSnapshot, counted);
    }

    /** Enters a count near the snapshot, in one or two parts, and returns the counted total. */
    private BigDecimal count(long sheet, StockModel.Lot lot, BigDecimal snapshot) {
        BigDecimal difference = lot.decimals == 0 ? BigDecimal.valueOf(random.nextInt(6) - 3L)
                : BigDecimal.valueOf(random.nextInt(5001) - 3000L, 3);
        BigDecimal total = snapshot.add(difference).max(BigDecimal.ZERO).setScale(lot.decimals);
        BigDecimal first = random.nextBoolean() ? total : total.divideToIntegralValue(BigDecimal.valueOf(2));
        List<BigDecimal> parts = first.compareTo(total) == 0 ? List.of(total) : List.of(first, total.subtract(first));
        for (BigDecimal part : parts) {
            Api.Response response = api.post("/api/v1/stocktakes/" + sheet + "/counts",
                    "{\"lotId\":" + lot.id + ",\"quantity\":\"" + part.toPlainString() + "\"}");
            log.add("  count " + lot + " " + part + " -> " + response.status());
            assertEquals(200, response.status(), "count: " + response.body());
        }
        return total;
    }

    private void postSheet(long sheet, LocalDate date, List<StockModel.Lot> sheetLots, Map<Long, BigDecimal> snapshots,
                           Map<Long, Integer> entriesAtSnapshot, Map<Long, BigDecimal> counted) {
        Set<Long> moved = new TreeSet<>();
        for (Long lotId : counted.keySet()) {
            if (model.lots.get(lotId).entries.size() > entriesAtSnapshot.get(lotId)) {
                moved.add(lotId);
            }
        }
        String path = "/api/v1/stocktakes/" + sheet + "/post";
        if (!moved.isEmpty() && random.nextInt(4) == 0) {
            expectRejected("posting sheet " + sheet + " without resolutions", "lots " + moved + " moved", api.post(path, "{}"));
        }
        Map<Long, String> resolutions = new LinkedHashMap<>();
        moved.forEach(lotId -> resolutions.put(lotId, random.nextBoolean() ? "before" : "after"));
        List<String> pairs = new ArrayList<>();
        resolutions.forEach((lotId, resolution) -> pairs.add("\"" + lotId + "\":\"" + resolution + "\""));
        String body = "{\"resolutions\":{" + String.join(",", pairs) + "}}";

        String description = "posting sheet " + sheet + " counted " + counted + " snapshots " + snapshots
                + " resolutions " + resolutions;
        Posting posting;
        List<Line> lines = new ArrayList<>();
        long key = model.keyOf(date);
        if (counted.isEmpty()) {
            posting = new Posting("nothing was counted", Map.of(), List.of(), key);
        } else {
            for (StockModel.Lot sheetLot : sheetLots) {
                StockModel.Lot lot = model.lots.get(sheetLot.id);
                BigDecimal total = counted.get(lot.id);
                if (total == null) {
                    continue;
                }
                BigDecimal base = "after".equals(resolutions.get(lot.id)) ? lot.quantityAt(key) : snapshots.get(lot.id);
                BigDecimal variance = total.subtract(base);
                if (variance.signum() != 0) {
                    lines.add(new Line(lot, variance, new LotCost()));
                }
            }
            posting = model.predict(lines, key, -1);
        }
        Document document = settle(description, posting, lines, api.post(path, body), "stocktake", date, false);
        if (document != null) {
            counted.keySet().forEach(lotId -> model.recordCount(lotId, key, document.id));
        } else {
            Api.Response cancelled = api.post("/api/v1/stocktakes/" + sheet + "/cancel", "");
            assertEquals(200, cancelled.status(), "cancelling sheet " + sheet + ": " + cancelled.body());
        }
    }

    private void correctPicking(StockModel.Lot lot) {
        BigDecimal quantity = quantity(productOf(lot), 1, 3);
        String line = "{\"lotId\":" + lot.id + ",\"quantity\":\"" + quantity.toPlainString() + "\"}";
        postDocument("picking correction " + lot + " +" + quantity, "picking-correction", model.today,
                ",\"fields\":{\"orderReference\":\"SO-2\"}", List.of(line), List.of(new Line(lot, quantity, new LotCost())));
    }

    private void writeOff(StockModel.Lot lot) {
        BigDecimal quantity = removalQuantity(lot);
        String line = "{\"lotId\":" + lot.id + ",\"quantity\":\"" + quantity.toPlainString()
                + "\",\"fields\":{\"reason\":\"WATER\"}}";
        postDocument("damage " + lot + " -" + quantity, "damage", model.today, "", List.of(line),
                List.of(new Line(lot, quantity.negate(), new LotCost())));
    }

    // Posting and comparing.

    private void postDocument(String description, String type, LocalDate date, String documentFields,
                              List<String> lines, List<Line> modelLines) {
        String body = "{\"type\":\"" + type + "\",\"post\":true" + (date.equals(model.today) ? ""
                : ",\"effectiveDate\":\"" + date + "\"") + documentFields + ",\"lines\":[" + String.join(",", lines) + "]}";
        long key = model.keyOf(date);
        Posting posting = model.today.toEpochDay() - date.toEpochDay() > BACKDATING_DAYS
                ? new Posting("beyond the backdating window", Map.of(), List.of(), key)
                : model.predict(modelLines, key, -1);
        settle(description, posting, modelLines, api.post("/api/v1/adjustments", body), type, date, false);
    }

    /**
     * Compares the server's response with the model's prediction and the lots with the model,
     * applies an accepted posting to the model and returns the posted document, or {@code null}.
     */
    private Document settle(String description, Posting posting, List<Line> lines, Api.Response response, String type,
                            LocalDate date, boolean reversal) {
        if (!posting.accepted()) {
            expectRejected(description, posting.rejection(), response);
            return null;
        }
        log.add(description + " -> " + response.status());
        assertEquals(201, response.status(), description + ": the model posts it, values " + posting.values()
                + ", but the server returned " + response.body());
        JsonObject json = response.json();
        JsonArray posted = json.getJsonArray("posted");
        assertEquals(lines.size(), posted.size(), description + ": posted lines " + posted);

        Map<StockModel.Lot, Long> newLotIds = new IdentityHashMap<>();
        Document document = new Document(json.getJsonNumber("id").longValue(), type, date, posting.key(), reversal);
        for (int i = 0; i < lines.size(); i++) {
            JsonObject line = posted.getJsonObject(i);
            long lotId = line.getJsonNumber("lotId").longValue();
            BigDecimal quantity = line.getJsonNumber("quantity").bigDecimalValue();
            BigDecimal value = line.getJsonNumber("value").bigDecimalValue();
            if (lines.get(i).lot().id < 0) {
                newLotIds.put(lines.get(i).lot(), lotId);
            } else {
                assertEquals(lines.get(i).lot().id, lotId, description + ": lot of line " + i);
            }
            assertEquals(0, lines.get(i).quantity().compareTo(quantity), description + ": quantity of line " + i
                    + ", expected " + lines.get(i).quantity() + ", posted " + quantity);
            assertEquals(0, posting.values().get(i).compareTo(value), description + ": value of line " + i
                    + ", expected " + posting.values().get(i) + ", posted " + value);
            document.lots.add(new long[] {lotId});
            document.amounts.add(new BigDecimal[] {quantity, value});
        }
        model.apply(posting, newLotIds);
        documents.add(document);
        postedCount++;
        compareLots(description);
        return document;
    }

    private void expectRejected(String description, String reason, Api.Response response) {
        log.add(description + " -> " + response.status() + " (model rejects: " + reason + ")");
        rejectedCount++;
        assertTrue(response.status() == 400 || response.status() == 409 || response.status() == 422,
                description + ": the model rejects it (" + reason + "), but the server returned " + response.status()
                        + " " + response.body());
        compareLots(description + " (rejected)");
    }

    /** Compares every lot of the sequence's products with the model. */
    private void compareLots(String description) {
        for (String sku : skus) {
            Map<Long, JsonObject> server = new HashMap<>();
            for (JsonObject lot : api.get("/api/v1/lots?product=" + sku + "&limit=500").array()
                    .getValuesAs(JsonObject.class)) {
                server.put(lot.getJsonNumber("id").longValue(), lot);
            }
            List<StockModel.Lot> expected = model.lots.values().stream().filter(lot -> lot.sku.equals(sku)).toList();
            assertEquals(expected.size(), server.size(), description + ": lots of " + sku + " " + server.keySet());
            for (StockModel.Lot lot : expected) {
                JsonObject actual = server.get(lot.id);
                assertNotNull(actual, description + ": lot " + lot + " is missing");
                BigDecimal quantity = actual.getJsonNumber("quantity").bigDecimalValue();
                BigDecimal value = actual.getJsonNumber("value").bigDecimalValue();
                BigDecimal unitCost = actual.isNull("unitCost") ? null : actual.getJsonNumber("unitCost").bigDecimalValue();
                assertEquals(0, lot.quantity.compareTo(quantity), description + ": quantity of " + lot + ", model "
                        + lot.quantity + ", server " + quantity);
                assertEquals(0, lot.value.compareTo(value), description + ": value of " + lot + ", model " + lot.value
                        + ", server " + value);
                String costMessage = description + ": unit cost of " + lot + ", model " + lot.unitCost + ", server " + unitCost;
                if (lot.unitCost == null) {
                    assertNull(unitCost, costMessage);
                } else {
                    assertNotNull(unitCost, costMessage);
                    assertEquals(0, lot.unitCost.compareTo(unitCost), costMessage);
                }
            }
        }
    }

    // Random values.

    private StockModel.Lot anyLot() {
        List<StockModel.Lot> lots = new ArrayList<>(model.lots.values());
        return lots.get(random.nextInt(lots.size()));
    }

    private int productOf(StockModel.Lot lot) {
        return lot.sku.equals(skus[0]) ? 0 : 1;
    }

    /** Returns a quantity from {@code min} to {@code max} units, with three decimals for kg. */
    private BigDecimal quantity(int product, int min, int max) {
        if (decimals[product] == 0) {
            return BigDecimal.valueOf(min + random.nextInt(max - min + 1));
        }
        return BigDecimal.valueOf(min * 1000L + random.nextInt((max - min) * 1000 + 1), 3);
    }

    /** Returns a quantity to remove: usually at most what the lot holds, sometimes a little more. */
    private BigDecimal removalQuantity(StockModel.Lot lot) {
        BigDecimal limit = lot.quantity.add(BigDecimal.valueOf(2));
        BigDecimal step = BigDecimal.ONE.movePointLeft(lot.decimals);
        long steps = limit.divide(step).longValue();
        long chosen = 1 + (long) (random.nextDouble() * Math.max(1, steps));
        if (random.nextInt(8) == 0) {
            chosen = lot.quantity.divide(step).longValue();
        }
        return step.multiply(BigDecimal.valueOf(Math.max(1, chosen))).setScale(lot.decimals);
    }

    private String cost() {
        if (random.nextInt(3) == 0) {
            return BigDecimal.valueOf(random.nextInt(200_000), 4).toPlainString();
        }
        return COSTS.get(random.nextInt(COSTS.size()));
    }

    private LocalDate pastDate() {
        return model.today.minusDays(1 + random.nextInt(40));
    }
}

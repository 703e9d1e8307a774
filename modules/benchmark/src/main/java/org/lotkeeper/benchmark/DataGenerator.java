package org.lotkeeper.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.lotkeeper.core.schema.SchemaMigrator;

/**
 * Fills an empty database with the benchmark's catalog and ledger through plain JDBC batch
 * inserts, after applying Lotkeeper's own schema migrations.
 *
 * <p>Every lot gets one opening entry of 500 to 1,499 units at its product's unit cost. The other
 * entries come in 10-line documents spread evenly over the history window, each a receipt
 * ({@code opening} type, 1 to 20 units a line) or a write-off ({@code damage} type, 1 to 5 units
 * a line, never more than the lot holds), on lots of products drawn from a Zipf distribution.
 * Stored balances equal the sums of the entries, no running balance goes below zero, and the
 * {@code id_block} rows are advanced past every inserted id.
 */
final class DataGenerator {

    private static final int COMMIT_EVERY = 5_000;
    private static final String USER = "benchmark";

    private final Layout layout;
    private final int entryCount;
    private final double zipfExponent;
    private final int historyDays;
    private final long seed;
    private final ZoneId zone = ZoneId.systemDefault();

    /** The simulated ledger, one array slot per entry. Document {@code d} owns entries docStart[d] to docStart[d + 1] - 1. */
    private int[] entryLot;
    private int[] entryQuantity;
    private int[] docStart;
    private long[] docMillis;
    private boolean[] docIsDamage;
    private int documentCount;

    private long[] lotQuantity;
    private long[] lotValueCents;
    private long[] lotLastMillis;

    DataGenerator(Layout layout, int entryCount, double zipfExponent, int historyDays, long seed) {
        this.layout = layout;
        this.entryCount = entryCount;
        this.zipfExponent = zipfExponent;
        this.historyDays = historyDays;
        this.seed = seed;
    }

    /** Creates the schema and the data, and returns the number of documents written. */
    int generate(BenchmarkDatabase database) throws SQLException {
        long start = System.nanoTime();
        new SchemaMigrator(database.dataSource()).migrate();
        simulate();
        progress("schema and simulation", start);
        try (Connection connection = database.connect()) {
            insertCatalog(connection);
            insertLots(connection);
            progress("catalog and lots", start);
            insertLedger(connection);
            advanceIdBlocks(connection);
            progress("documents and ledger entries", start);
        }
        return documentCount;
    }

    private static void progress(String step, long startNanos) {
        System.out.printf(java.util.Locale.ROOT, "  %s done after %.1f s%n", step, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Plays the whole history in memory first, because lots must be inserted before their entries. */
    private void simulate() {
        int lots = layout.lots;
        entryLot = new int[entryCount];
        entryQuantity = new int[entryCount];
        int maxDocuments = (lots + Layout.LINES - 1) / Layout.LINES + (entryCount - lots + Layout.LINES - 1) / Layout.LINES;
        docStart = new int[maxDocuments + 1];
        docMillis = new long[maxDocuments];
        docIsDamage = new boolean[maxDocuments];
        lotQuantity = new long[lots + 1];
        lotValueCents = new long[lots + 1];
        lotLastMillis = new long[lots + 1];

        Random random = new Random(seed);
        Instant start = LocalDate.now(zone).minusDays(historyDays).atStartOfDay(zone).toInstant();
        Instant end = LocalDate.now(zone).atStartOfDay(zone).toInstant().minus(Duration.ofHours(1));
        int entry = 0;
        int document = 0;

        for (int lot = 1; lot <= lots; lot++) {
            if ((lot - 1) % Layout.LINES == 0) {
                docStart[document] = entry;
                docMillis[document] = start.plusSeconds(document).toEpochMilli();
                document++;
            }
            entry = record(entry, lot, 500 + random.nextInt(1_000), docMillis[document - 1]);
        }

        ZipfSampler popularity = new ZipfSampler(layout.products, zipfExponent, random);
        long spanMillis = end.toEpochMilli() - start.plus(1, ChronoUnit.DAYS).toEpochMilli();
        int historyDocuments = (entryCount - lots + Layout.LINES - 1) / Layout.LINES;
        for (int h = 0; h < historyDocuments; h++) {
            docStart[document] = entry;
            docMillis[document] = start.plus(1, ChronoUnit.DAYS).toEpochMilli() + spanMillis * h / historyDocuments;
            boolean damage = random.nextBoolean();
            docIsDamage[document] = damage;
            int lines = Math.min(Layout.LINES, entryCount - entry);
            for (int line = 0; line < lines; line++) {
                entry = historyLine(entry, popularity, random, damage, docMillis[document]);
            }
            document++;
        }
        docStart[document] = entry;
        documentCount = document;
    }

    private int historyLine(int entry, ZipfSampler popularity, Random random, boolean damage, long millis) {
        while (true) {
            long product = popularity.next();
            int lot = (int) layout.lotOf(product, random.nextInt(layout.lotCountOf(product)));
            if (!damage) {
                return record(entry, lot, 1 + random.nextInt(20), millis);
            }
            long available = lotQuantity[lot];
            if (available > 0) {
                return record(entry, lot, -(int) Math.min(available, 1 + random.nextInt(5)), millis);
            }
        }
    }

    private int record(int entry, int lot, int quantity, long millis) {
        entryLot[entry] = lot;
        entryQuantity[entry] = quantity;
        lotQuantity[lot] += quantity;
        lotValueCents[lot] += quantity * Layout.unitCostCents(layout.productOf(lot));
        lotLastMillis[lot] = millis;
        return entry + 1;
    }

    private void insertCatalog(Connection connection) throws SQLException {
        try (PreparedStatement location = connection.prepareStatement(
                "INSERT INTO location (id, code, name) VALUES (?, ?, ?)")) {
            for (long id = 1; id <= layout.locations; id++) {
                location.setLong(1, id);
                location.setString(2, Layout.locationCode(id));
                location.setString(3, "Bay " + id);
                location.addBatch();
            }
            location.executeBatch();
        }
        try (PreparedStatement product = connection.prepareStatement("INSERT INTO product (id, sku, name, category,"
                + " unit, decimals, tracking, assembly, active) VALUES (?, ?, ?, 'Benchmark', 'pcs', 0, 'LOT', ?, TRUE)")) {
            for (long id = 1; id <= layout.products; id++) {
                product.setLong(1, id);
                product.setString(2, Layout.sku(id));
                product.setString(3, "Product " + id);
                product.setBoolean(4, id == Layout.ASSEMBLY);
                product.addBatch();
            }
            product.executeBatch();
        }
        try (PreparedStatement bom = connection.prepareStatement("INSERT INTO bom_line (id, assembly_id, component_id,"
                + " quantity_per_unit, optional_part, consumable) VALUES (?, ?, ?, 1, FALSE, FALSE)")) {
            for (int component = 1; component <= Layout.COMPONENTS; component++) {
                bom.setLong(1, component);
                bom.setLong(2, Layout.ASSEMBLY);
                bom.setLong(3, Layout.ASSEMBLY + component);
                bom.addBatch();
            }
            bom.executeBatch();
        }
        connection.commit();
    }

    private void insertLots(Connection connection) throws SQLException {
        LocalDate today = LocalDate.now(zone);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lot (id, product_id, code, location_id,"
                + " expiry_date, unit_cost, lot_condition, quantity, stock_value, last_effective_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?, ?)")) {
            for (int lot = 1; lot <= layout.lots; lot++) {
                long product = layout.productOf(lot);
                LocalDate expiry = Layout.expiry(lot, today);
                insert.setLong(1, lot);
                insert.setLong(2, product);
                insert.setString(3, Layout.lotCode(lot));
                insert.setLong(4, layout.locationOf(lot));
                insert.setObject(5, expiry == null ? null : java.sql.Date.valueOf(expiry), java.sql.Types.DATE);
                insert.setBigDecimal(6, Layout.unitCost(product));
                insert.setLong(7, lotQuantity[lot]);
                insert.setBigDecimal(8, java.math.BigDecimal.valueOf(lotValueCents[lot], 2));
                insert.setTimestamp(9, new Timestamp(lotLastMillis[lot]));
                insert.setTimestamp(10, new Timestamp(docMillis[0]));
                insert.addBatch();
                if (lot % COMMIT_EVERY == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private void insertLedger(Connection connection) throws SQLException {
        try (PreparedStatement document = connection.prepareStatement(JdbcPoster.INSERT_DOCUMENT);
             PreparedStatement entry = connection.prepareStatement(JdbcPoster.INSERT_ENTRY)) {
            int pending = 0;
            for (int d = 0; d < documentCount; d++) {
                String type = docIsDamage[d] ? "damage" : "opening";
                Timestamp at = new Timestamp(docMillis[d]);
                long valueEffect = 0;
                for (int e = docStart[d]; e < docStart[d + 1]; e++) {
                    long product = layout.productOf(entryLot[e]);
                    long cents = entryQuantity[e] * Layout.unitCostCents(product);
                    valueEffect += cents;
                    JdbcPoster.bindEntry(entry, e + 1L, entryLot[e], d + 1L, e - docStart[d], type, entryQuantity[e],
                            cents, at, USER, docIsDamage[d] ? "lot cost" : "given unit cost " + Layout.unitCost(product));
                    entry.addBatch();
                }
                JdbcPoster.bindDocument(document, d + 1L, type, LocalDate.ofInstant(at.toInstant(), zone), at, USER,
                        valueEffect);
                document.addBatch();
                pending += 1 + docStart[d + 1] - docStart[d];
                if (pending >= COMMIT_EVERY) {
                    // Documents first: the entries reference them.
                    document.executeBatch();
                    entry.executeBatch();
                    connection.commit();
                    pending = 0;
                }
            }
            document.executeBatch();
            entry.executeBatch();
            connection.commit();
        }
    }

    private void advanceIdBlocks(Connection connection) throws SQLException {
        setIdBlock(connection, "location", layout.locations);
        setIdBlock(connection, "product", layout.products);
        setIdBlock(connection, "bom_line", Layout.COMPONENTS);
        setIdBlock(connection, "lot", layout.lots);
        setIdBlock(connection, "adjustment_document", documentCount);
        setIdBlock(connection, "ledger_entry", entryCount);
        connection.commit();
    }

    /**
     * Sets a block's next value to the highest id in use. EclipseLink's table generator takes a
     * block by adding the allocation size to this value and hands out the ids above the old one.
     */
    static void setIdBlock(Connection connection, String block, long highestId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE id_block SET next_value = ? WHERE block_name = ? AND next_value < ?")) {
            update.setLong(1, highestId);
            update.setString(2, block);
            update.setLong(3, highestId);
            update.executeUpdate();
        }
    }

    /** Draws product ids 1..n with probability proportional to 1 / rank^s. */
    static final class ZipfSampler {
        private final double[] cumulative;
        private final Random random;

        ZipfSampler(int n, double exponent, Random random) {
            this.random = random;
            cumulative = new double[n];
            double sum = 0;
            for (int rank = 1; rank <= n; rank++) {
                sum += 1 / Math.pow(rank, exponent);
                cumulative[rank - 1] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        long next() {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            int rank = (index >= 0 ? index : -index - 1) + 1;
            return Math.min(rank, cumulative.length);
        }
    }
}

package org.lotkeeper.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the benchmark's generated catalog, lots and ledger into a new Derby database in a data
 * directory and stops, so that {@code deploy/run --data DIR} can open it. Loading 100,000 lots
 * this way took about a minute, where posting them through the API took half an hour (both
 * on the shared 2-CPU development machine).
 *
 * <p>Usage: {@code GenerateDatabase --data DIR [--lots 100000] [--products 100] [--entries N]
 * [--seed 42]}. The database goes to {@code DIR/db}, which must not exist yet. It contains no
 * user, because the server's first start creates the admin from {@code LOTKEEPER_ADMIN_PASSWORD}.
 */
public final class GenerateDatabase {

    private static final List<String> OPTIONS = List.of("--data", "--lots", "--products", "--entries", "--seed");

    private GenerateDatabase() {
    }

    public static void main(String[] args) throws SQLException, java.io.IOException {
        Map<String, String> options = options(args);
        if (!options.containsKey("--data")) {
            throw new IllegalArgumentException("--data is missing: give the data directory that deploy/run --data opens");
        }
        Path dataDir = Path.of(options.get("--data")).toAbsolutePath();
        Path dbDir = dataDir.resolve("db");
        if (Files.exists(dbDir)) {
            throw new IllegalArgumentException(dbDir + " exists already; choose a new data directory");
        }
        int lots = positive(options, "--lots", 100_000);
        int products = positive(options, "--products", 100);
        if (products < Options.MIN_PRODUCTS) {
            throw new IllegalArgumentException("--products must be at least " + Options.MIN_PRODUCTS
                    + ", because the assembly and its components are reserved, not " + products);
        }
        int entries = positive(options, "--entries", lots);
        if (entries < lots) {
            throw new IllegalArgumentException("--entries must be at least --lots (one opening entry per lot), not "
                    + entries);
        }
        long seed = Long.parseLong(options.getOrDefault("--seed", "42"));

        Files.createDirectories(dataDir);
        System.setProperty("derby.stream.error.file", dataDir.resolve("derby-generate.log").toString());
        System.out.printf(Locale.ROOT, "Generating %d products, %d lots, %d ledger entries in %s%n", products, lots,
                entries, dbDir);
        long start = System.nanoTime();
        Database database = new Database(dbDir);
        int documents = new DataGenerator(new Layout(products, lots), entries, 1.0, 365, seed).generate(database);
        database.shutdown();
        System.out.printf(Locale.ROOT, "Wrote %d documents in %.1f s%n", documents, (System.nanoTime() - start) / 1e9);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("Invalid option " + args[i]
                        + "; use --data DIR, --lots N, --products N, --entries N, --seed N");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static int positive(Map<String, String> options, String name, int defaultValue) {
        int value = Integer.parseInt(options.getOrDefault(name, Integer.toString(defaultValue)));
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, not " + value);
        }
        return value;
    }
}

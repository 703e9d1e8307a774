package org.lotkeeper.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How the generated catalog is laid out, computed from ids so that the generator and the
 * workloads agree without reading the database. Ids start at 1.
 *
 * <p>Lot {@code n} belongs to product {@code 1 + (n - 1) % products} and lies at location
 * {@code 1 + ((n - 1) / products) % locations}. There are {@code ceil(lots / products)}
 * locations, so a product and a location together name exactly one lot, which is how the
 * as-of query reaches a single lot through the API. Product 1 is an assembly whose bill of
 * materials lists products 2 to 21, one unit each.
 */
final class Layout {

    /** Components in the assembly's bill of materials. */
    static final int COMPONENTS = 20;

    /** Product id of the assembly. */
    static final long ASSEMBLY = 1;

    /** Lines of the documents that the posting workloads send. */
    static final int LINES = 10;

    /** Expiry class of a lot, drawn from its id: about 40 % none, 10 % expired, 50 % in the future. */
    enum ExpiryKind { NONE, EXPIRED, FUTURE }

    final int products;
    final int lots;
    final int locations;

    Layout(int products, int lots) {
        this.products = products;
        this.lots = lots;
        this.locations = (lots + products - 1) / products;
    }

    long productOf(long lotId) {
        return 1 + (lotId - 1) % products;
    }

    long locationOf(long lotId) {
        return 1 + ((lotId - 1) / products) % locations;
    }

    /** Returns the {@code index}-th lot of a product, or 0 when the product has fewer lots. */
    long lotOf(long productId, int index) {
        long lotId = productId + (long) products * index;
        return lotId <= lots ? lotId : 0;
    }

    int lotCountOf(long productId) {
        return (int) ((lots - productId) / products + 1);
    }

    static String sku(long productId) {
        return "P-%06d".formatted(productId);
    }

    static String locationCode(long locationId) {
        return "LOC-%04d".formatted(locationId);
    }

    static String lotCode(long lotId) {
        return "L-%07d".formatted(lotId);
    }

    static ExpiryKind expiryKind(long lotId) {
        int bucket = (int) (scramble(lotId) % 10);
        if (bucket < 4) {
            return ExpiryKind.NONE;
        }
        return bucket == 4 ? ExpiryKind.EXPIRED : ExpiryKind.FUTURE;
    }

    /** Returns the lot's last day of use: spread over a year before or two years after {@code today}. */
    static LocalDate expiry(long lotId, LocalDate today) {
        return switch (expiryKind(lotId)) {
            case NONE -> null;
            case EXPIRED -> today.minusDays(1 + scramble(lotId) / 10 % 365);
            case FUTURE -> today.plusDays(1 + scramble(lotId) / 10 % 730);
        };
    }

    /**
     * Returns a pseudo-random non-negative number for a lot id, so that expiry does not follow
     * the product: lot ids of one product differ by the product count, often a multiple of 10.
     */
    private static long scramble(long lotId) {
        return (lotId * 0x9E3779B97F4A7C15L) >>> 1;
    }

    /** Returns the unit cost of every lot of a product, in whole cents (50 to 5,025). */
    static long unitCostCents(long productId) {
        return 50 + (productId % 200) * 25;
    }

    static BigDecimal unitCost(long productId) {
        return BigDecimal.valueOf(unitCostCents(productId), 2);
    }

    /**
     * Returns {@code count} distinct lots that never expire and belong to neither the assembly nor
     * its components, in a seeded random order, so that the posting workloads never hit an
     * expiry rule or the lots that builds consume.
     */
    /**
     * Returns up to {@code count} lots outside {@code excluded} that belong to neither the assembly
     * nor its components, in a seeded random order, whatever their expiry.
     */
    List<Long> otherLots(java.util.Set<Long> excluded, int count, long seed) {
        List<Long> candidates = new ArrayList<>();
        for (long lotId = 1; lotId <= lots; lotId++) {
            if (!excluded.contains(lotId) && productOf(lotId) > 1 + COMPONENTS) {
                candidates.add(lotId);
            }
        }
        Collections.shuffle(candidates, new Random(seed + 1));
        return List.copyOf(candidates.subList(0, Math.min(count, candidates.size())));
    }

    List<Long> workloadLots(int count, long seed) {
        List<Long> candidates = new ArrayList<>();
        for (long lotId = 1; lotId <= lots; lotId++) {
            if (expiryKind(lotId) == ExpiryKind.NONE && productOf(lotId) > 1 + COMPONENTS) {
                candidates.add(lotId);
            }
        }
        if (candidates.size() < count) {
            throw new IllegalArgumentException("The workloads need " + count + " lots without expiry outside the"
                    + " assembly's components, but only " + candidates.size() + " exist; generate more lots.");
        }
        Collections.shuffle(candidates, new Random(seed));
        return List.copyOf(candidates.subList(0, count));
    }
}

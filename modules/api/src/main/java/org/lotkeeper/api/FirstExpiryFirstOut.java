package org.lotkeeper.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Automatic lot choice: first-expiry-first-out over usable lots, split across lots.
 *
 * <p>A lot is usable on a date when it has stock and is not expired on that date by
 * {@link Expiry#isExpired}. Usable lots are taken in order of expiry date, lots without an expiry
 * date last, and lots with the same expiry date in order of id. Each lot gives all its stock
 * until the requested quantity is reached. Types that choose lots for the user (samples, assembly
 * components) use this class so that every screen and posting picks the same lots.
 *
 * @since 1
 */
public final class FirstExpiryFirstOut {

    private static final Comparator<LotInfo> ORDER = Comparator
            .comparing(LotInfo::expiry, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(LotInfo::id);

    private FirstExpiryFirstOut() {
    }

    /**
     * Returns the lots usable on {@code date}, in the order automatic lot choice takes from them.
     *
     * @param lots lots of one product, in any order; empty and expired lots are left out
     * @param date business date that decides expiry
     */
    public static List<LotInfo> usableLots(List<LotInfo> lots, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return lots.stream()
                .filter(lot -> lot.quantity().signum() > 0 && !lot.isExpiredOn(date))
                .sorted(ORDER)
                .toList();
    }

    /**
     * Chooses lots for {@code quantity} of a product.
     *
     * @param lots     lots of one product with the quantities still free to take. A caller that
     *                 has already taken stock in the same proposal passes the lots with that stock
     *                 deducted.
     * @param quantity quantity to take, greater than zero
     * @param date     business date that decides expiry
     * @return the allocation, whose picks are empty when usable stock is short
     * @throws IllegalArgumentException when {@code quantity} is not greater than zero
     */
    public static Allocation allocate(List<LotInfo> lots, BigDecimal quantity, LocalDate date) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("The quantity to allocate must be greater than zero: "
                    + quantity.toPlainString());
        }
        List<LotInfo> usable = usableLots(lots, date);
        BigDecimal available = usable.stream().map(LotInfo::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(quantity) < 0) {
            return new Allocation(quantity, available, List.of());
        }

        List<Pick> picks = new ArrayList<>();
        BigDecimal missing = quantity;
        for (LotInfo lot : usable) {
            if (missing.signum() == 0) {
                break;
            }
            BigDecimal taken = lot.quantity().min(missing);
            picks.add(new Pick(lot, taken));
            missing = missing.subtract(taken);
        }
        return new Allocation(quantity, available, picks);
    }

    /**
     * Result of {@link #allocate}.
     *
     * @param requested quantity asked for
     * @param available usable quantity over all lots passed in
     * @param picks     the lots and quantities to take, in first-expiry-first-out order, adding up
     *                  to {@code requested}; empty when {@code available} is less than
     *                  {@code requested}
     */
    public record Allocation(BigDecimal requested, BigDecimal available, List<Pick> picks) {

        public Allocation {
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(available, "available");
            picks = List.copyOf(picks);
        }

        /** Returns whether usable stock is short of the requested quantity, so nothing was picked. */
        public boolean isShort() {
            return available.compareTo(requested) < 0;
        }
    }

    /**
     * A quantity to take from one lot.
     *
     * @param lot      the lot
     * @param quantity quantity to take, positive and at most the lot's quantity
     */
    public record Pick(LotInfo lot, BigDecimal quantity) {
    }
}

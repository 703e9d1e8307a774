package org.lotkeeper.core.posting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.lots.SerialClaim;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Checks the shape of a type's proposal and turns it into planned lines: every line has an
 * allowed sign and a non-zero quantity, every named lot exists, and lots to create are created
 * (or found, when a lot with the same product, code and location exists).
 */
@ApplicationScoped
public class LotResolver {

    private static final String NEW_LOT = "newLot";

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    /**
     * Returns the planned lines; throws when the proposal breaks the SPI contract (reported as the
     * type's failure) or a lot rule.
     *
     * @param requestLines the lines as the user entered them; a type that does not choose lots
     *                     itself may only post to the lots these name
     */
    public List<PlannedLine> resolve(TypeDescriptor type, List<ProposedLine> proposal, List<RequestLine> requestLines,
                                     Instant now) {
        java.util.Set<Long> namedLots = new java.util.HashSet<>();
        for (RequestLine requestLine : requestLines) {
            if (requestLine.lotId() != null) {
                namedLots.add(requestLine.lotId());
            }
        }
        List<Problem> contract = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<PlannedLine> planned = new ArrayList<>();
        Map<String, Lot> created = new HashMap<>();
        for (int i = 0; i < proposal.size(); i++) {
            ProposedLine line = proposal.get(i);
            String path = "lines[" + (line.requestLine() >= 0 ? line.requestLine() : i) + "]";
            checkShape(type, line, i, proposal, path, contract);
            if (line.target() instanceof LotTarget.Existing existing && !type.choosesLots()
                    && !namedLots.contains(existing.lotId())) {
                contract.add(new Problem(path + ".lotId", Long.toString(existing.lotId()), "Type '" + type.id()
                        + "' proposed a line on lot " + existing.lotId() + ", which the request does not name."));
            }
            Lot lot = switch (line.target()) {
                case LotTarget.Existing existing -> existingLot(existing.lotId(), path, problems);
                case LotTarget.Create create -> createdLot(type, create.lot(), line, proposal, path, created, now,
                        problems);
            };
            if (lot != null) {
                boolean createsLot = lot.getId() == null || created.containsValue(lot);
                planned.add(new PlannedLine(i, line.requestLine(), enteredQuantity(line, requestLines), lot,
                        line.quantity(), line.cost(), null, line.reasonCode(), line.note(), line.attributes(), null,
                        createsLot));
            }
        }

        if (!contract.isEmpty()) {
            throw new BusinessException(ErrorCode.TYPE_FAILED, "Adjustment type '" + type.id()
                    + "' broke the SPI contract; nothing was posted: " + contract.get(0).message(), contract);
        }
        if (!problems.isEmpty()) {
            throw new BusinessException(ErrorCode.RULE_VIOLATION, problems.get(0).message(), problems);
        }
        if (!created.isEmpty()) {
            // Writes the serial claims persisted after their lots; without new lots nothing is pending here.
            flushCreatedLots("lines", null, "Another posting claimed the same serial number at the same moment");
        }
        return planned;
    }

    /** Returns the quantity of the request line that {@code line} comes from, or {@code null} when there is none. */
    private static java.math.BigDecimal enteredQuantity(ProposedLine line, List<RequestLine> requestLines) {
        for (RequestLine requestLine : requestLines) {
            if (requestLine.index() == line.requestLine()) {
                return requestLine.quantity();
            }
        }
        return null;
    }

    private static void checkShape(TypeDescriptor type, ProposedLine line, int index, List<ProposedLine> proposal,
                                   String path, List<Problem> problems) {
        if (line.quantity().signum() == 0) {
            problems.add(new Problem(path + ".quantity", "0", "A line quantity must not be zero."));
            return;
        }
        if (!type.allows(line.sign())) {
            problems.add(new Problem(path + ".quantity", line.quantity().toPlainString(), "Type '" + type.id()
                    + "' may only post " + type.lineSigns() + " lines, not " + line.sign() + "."));
        }
        if (line.sign() == org.lotkeeper.api.LineSign.NEGATIVE && !(line.cost() instanceof CostSource.LotCost)) {
            problems.add(new Problem(path + ".quantity", line.quantity().toPlainString(),
                    "A negative line leaves at its lot's unit cost; type '" + type.id() + "' gave another cost source."));
        }
        if (line.cost() instanceof CostSource.ConsumedValue consumed) {
            for (int source : consumed.lineIndices()) {
                boolean valid = source >= 0 && source < proposal.size() && source != index
                        && proposal.get(source).quantity().signum() < 0;
                if (!valid) {
                    problems.add(new Problem(path, Integer.toString(source), "Type '" + type.id()
                            + "' takes value from line " + source + ", which is not a negative line of this document."));
                }
            }
        }
    }

    private Lot existingLot(long lotId, String path, List<Problem> problems) {
        Lot lot = em.find(Lot.class, lotId);
        if (lot == null) {
            problems.add(new Problem(path + ".lotId", Long.toString(lotId), "Lot " + lotId + " does not exist."));
        }
        return lot;
    }

    private Lot createdLot(TypeDescriptor type, NewLot spec, ProposedLine line, List<ProposedLine> proposal,
                           String path, Map<String, Lot> created, Instant now, List<Problem> problems) {
        if (!type.createsLots()) {
            problems.add(new Problem(path + "." + NEW_LOT, spec.code(), "Type '" + type.id() + "' may not create lots."));
            return null;
        }
        if (line.quantity().signum() < 0) {
            problems.add(new Problem(path + ".quantity", line.quantity().toPlainString(),
                    "A line that creates a lot must add stock."));
            return null;
        }
        String identity = spec.productSku() + "\u0000" + spec.code() + "\u0000" + spec.locationCode();
        Lot already = created.get(identity);
        if (already != null) {
            return already;
        }

        Product product = find(Product.class, "sku", spec.productSku());
        Location location = find(Location.class, "code", spec.locationCode());
        if (product == null) {
            problems.add(new Problem(path + ".newLot.productSku", spec.productSku(),
                    "Product " + spec.productSku() + " does not exist."));
        }
        if (location == null) {
            problems.add(new Problem(path + ".newLot.locationCode", spec.locationCode(),
                    "Location " + spec.locationCode() + " does not exist."));
        }
        if (!validCode(spec.code())) {
            problems.add(new Problem(path + ".newLot.code", spec.code(),
                    "A lot code has 1 to 100 characters without control characters."));
        }
        if (product == null || location == null || !validCode(spec.code())) {
            return null;
        }

        Lot existing = em.createQuery("SELECT l FROM Lot l WHERE l.product = :product AND l.code = :code"
                        + " AND l.location = :location", Lot.class)
                .setParameter("product", product).setParameter("code", spec.code()).setParameter("location", location)
                .getResultStream().findFirst().orElse(null);
        if (existing != null) {
            if (spec.expiry() != null && !Objects.equals(spec.expiry(), existing.getExpiry())) {
                problems.add(new Problem(path + ".newLot.expiry", spec.expiry().toString(), "Lot " + spec.code()
                        + " of " + spec.productSku() + " at " + spec.locationCode() + " already exists with expiry "
                        + existing.getExpiry() + "."));
            }
            if (product.isSerialTracked() && !movesSerial(product, spec.code(), proposal)) {
                problems.add(serialUsed(path, spec));
            }
            return existing;
        }

        if (product.isSerialTracked()) {
            boolean claimed = em.find(SerialClaim.class, new SerialClaim.Key(product.getId(), spec.code())) != null;
            if (claimed && !movesSerial(product, spec.code(), proposal)) {
                problems.add(serialUsed(path, spec));
                return null;
            }
        }
        Lot lot = new Lot(product, spec.code(), location, spec.expiry(), spec.condition(), now);
        em.persist(lot);
        flushCreatedLots(path + "." + NEW_LOT, spec.code(), "Another posting created lot " + spec.code() + " of "
                + spec.productSku() + " at " + spec.locationCode() + " at the same moment");
        if (product.isSerialTracked()
                && em.find(SerialClaim.class, new SerialClaim.Key(product.getId(), spec.code())) == null) {
            em.persist(new SerialClaim(product.getId(), spec.code(), lot.getId()));
        }
        created.put(identity, lot);
        return lot;
    }

    /**
     * Writes new lots and serial claims. A unique-key violation means that a concurrent posting
     * created the same lot or claimed the same serial number first, so the request is rejected as
     * a conflict. A retry then finds that lot or serial number.
     */
    private void flushCreatedLots(String field, String value, String conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!violatesUniqueKey(e)) {
                throw e;
            }
            throw new BusinessException(ErrorCode.CONFLICT, field, value, conflict
                    + ", so nothing was posted. Send the request again.");
        }
    }

    private static boolean violatesUniqueKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static Problem serialUsed(String path, NewLot spec) {
        return new Problem(path + ".newLot.code", spec.code(), "Serial number " + spec.code() + " of "
                + spec.productSku() + " was already used; a serial number is never reused.");
    }

    /** Returns whether the proposal takes this serial out of another lot, as a transfer does. */
    private boolean movesSerial(Product product, String serial, List<ProposedLine> proposal) {
        for (ProposedLine other : proposal) {
            if (other.quantity().signum() < 0 && other.target() instanceof LotTarget.Existing source) {
                Lot lot = em.find(Lot.class, source.lotId());
                if (lot != null && lot.getProduct().getId().equals(product.getId()) && lot.getCode().equals(serial)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean validCode(String code) {
        return code != null && !code.isBlank() && code.length() <= 100 && code.chars().noneMatch(Character::isISOControl);
    }

    /** Finds a product or location by code, without a flush first: a posting never creates either. */
    private <T> T find(Class<T> entity, String attribute, String value) {
        return em.createQuery("SELECT e FROM " + entity.getSimpleName() + " e WHERE e." + attribute + " = :value", entity)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter("value", value).getResultStream().findFirst().orElse(null);
    }
}

package org.lotkeeper.api;

import java.util.List;

/**
 * An adjustment type: a plugin that turns a request into signed lines on lots.
 *
 * <p>Implementations are CDI beans (usually {@code @ApplicationScoped}) packaged in a bean archive
 * with {@code META-INF/beans.xml}. The core discovers them at start-up, calls
 * {@link #describe()} once to register them, and calls {@link #propose} for every draft, preview
 * and posting. Implementations must be stateless and thread-safe, must not write to any
 * database, and must not keep references to the {@link StockView} after returning.
 *
 * @since 1
 */
public interface AdjustmentType {

    /**
     * Describes this type: its stable id, name, version, the line signs it may produce and the
     * input fields its form needs. Called once when the type is registered.
     */
    TypeDescriptor describe();

    /**
     * Turns a request into signed lines.
     *
     * <p>The core checks every returned line before posting: signs must be among
     * {@link TypeDescriptor#lineSigns()}, lots must exist or be created by the line, quantities
     * must fit the product's unit and keep every balance at zero or above. A type therefore only
     * checks its own rules, for example that a reason code is given.
     *
     * @param request the user's request, already parsed into typed values
     * @param stock   a read-only view of products, lots and balances as of the request's
     *                effective date
     * @return the proposed lines. The list is empty only when the request is valid but changes no
     *         stock, such as a stocktake whose counts all match the system quantities. The core
     *         then posts the document without lines, so that it still records what was done.
     * @throws AdjustmentRejectedException when the request breaks a rule of this type; each
     *                                     problem names the field and the value
     */
    List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException;
}

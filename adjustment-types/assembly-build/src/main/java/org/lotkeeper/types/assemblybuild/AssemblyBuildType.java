package org.lotkeeper.types.assemblybuild;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.BomLine;
import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.FieldKind;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Assembly build: consumes components according to the assembly's bill of materials and puts the
 * built units into a new output lot, valued at the consumed value plus an optional extra cost.
 *
 * <p>The build consumes exactly the quantity per unit times the number of units of every
 * component. Request lines may choose the lots of a component by id and quantity, and those must
 * add up to exactly what the build needs. Components without chosen lots are taken
 * first-expiry-first-out from lots that are not expired. A serial-tracked assembly gets one
 * output lot per serial number; {@link OutputLines} describes how value is shared between them.
 * Every output line records in its {@value OutputLines#ORIGIN} attribute which component lots,
 * and how much of each, went into it.
 */
@ApplicationScoped
public class AssemblyBuildType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "assembly-build";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Assembly build")
            .description("Builds an assembly from its bill of materials: consumes the components and creates the"
                    + " output lot at their value plus any extra cost.")
            .version("1.0.0")
            .choosesLots(true)
            .lineSigns(LineSign.NEGATIVE, LineSign.POSITIVE)
            .createsLots(true)
            .field(FieldDescriptor.documentField(BuildOrder.ASSEMBLY, "Assembly", FieldKind.PRODUCT,
                    "Product to build; it needs a bill of materials."))
            .field(FieldDescriptor.documentField(BuildOrder.QUANTITY, "Quantity", FieldKind.DECIMAL,
                    "Number of units to build, in the assembly's unit."))
            .field(FieldDescriptor.documentField(BuildOrder.OUTPUT_LOT, "Output lot", FieldKind.TEXT,
                    "Lot code of the output, or one serial number per unit separated by commas."))
            .field(FieldDescriptor.documentField(BuildOrder.OUTPUT_LOCATION, "Output location", FieldKind.LOCATION,
                    "Location that receives the built units."))
            .field(FieldDescriptor.documentField(BuildOrder.OUTPUT_EXPIRY, "Output expiry", FieldKind.DATE,
                    "Last day of use of the built units; empty when they do not expire.").optional())
            .field(FieldDescriptor.documentField(BuildOrder.EXTRA_COST, "Extra cost", FieldKind.DECIMAL,
                    "Cost added to the consumed components, such as labour, in the currency.").optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        Optional<BuildOrder> order = BuildOrder.parse(request, stock, problems);
        problems.throwIfAny();

        Optional<Map<BomLine, List<ComponentPick>>> picks =
                ComponentPicker.pick(order.orElseThrow(), request.lines(), request.effectiveDate(), stock, problems);
        problems.throwIfAny();

        return OutputLines.of(order.orElseThrow(), picks.orElseThrow());
    }
}

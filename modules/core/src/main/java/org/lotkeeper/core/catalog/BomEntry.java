package org.lotkeeper.core.catalog;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.support.IdBlocks;

import org.lotkeeper.api.BomLine;

/** One line of an assembly's bill of materials. */
@Entity
@Table(name = "bom_line")
public class BomEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "bom_line_ids")
    @TableGenerator(name = "bom_line_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "bom_line", allocationSize = IdBlocks.SIZE)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "assembly_id", nullable = false)
    private Product assembly;

    @ManyToOne(optional = false)
    @JoinColumn(name = "component_id", nullable = false)
    private Product component;

    @Column(name = "quantity_per_unit", nullable = false, precision = 19, scale = 6)
    private BigDecimal quantityPerUnit;

    @Column(name = "optional_part", nullable = false)
    private boolean optionalPart;

    @Column(name = "consumable", nullable = false)
    private boolean consumable;

    protected BomEntry() {
    }

    public BomEntry(Product assembly, Product component, BigDecimal quantityPerUnit, boolean optionalPart,
                    boolean consumable) {
        this.assembly = assembly;
        this.component = component;
        this.quantityPerUnit = quantityPerUnit;
        this.optionalPart = optionalPart;
        this.consumable = consumable;
    }

    public Long getId() {
        return id;
    }

    public Product getAssembly() {
        return assembly;
    }

    public Product getComponent() {
        return component;
    }

    public BigDecimal getQuantityPerUnit() {
        return quantityPerUnit;
    }

    public boolean isOptionalPart() {
        return optionalPart;
    }

    public boolean isConsumable() {
        return consumable;
    }

    public BomLine toLine() {
        return new BomLine(assembly.getSku(), component.getSku(), quantityPerUnit.stripTrailingZeros());
    }
}

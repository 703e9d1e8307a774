package org.lotkeeper.core.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.support.IdBlocks;

import org.lotkeeper.api.ProductInfo;

/** A product: what stock is of. Its unit fixes how many decimals a quantity may have. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "product_ids")
    @TableGenerator(name = "product_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "product", allocationSize = IdBlocks.SIZE)
    private Long id;

    @Column(name = "sku", nullable = false, length = 100)
    private String sku;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "category", length = 300)
    private String category;

    @Column(name = "unit", nullable = false, length = 20)
    private String unit;

    @Column(name = "decimals", nullable = false)
    private int decimals;

    @Enumerated(EnumType.STRING)
    @Column(name = "tracking", nullable = false, length = 10)
    private ProductInfo.Tracking tracking;

    @Column(name = "assembly", nullable = false)
    private boolean assembly;

    @Column(name = "active", nullable = false)
    private boolean active;

    protected Product() {
    }

    public Product(String sku, String name, String unit, int decimals, ProductInfo.Tracking tracking, boolean assembly) {
        this.sku = sku;
        this.name = name;
        this.unit = unit;
        this.decimals = decimals;
        this.tracking = tracking;
        this.assembly = assembly;
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getUnit() {
        return unit;
    }

    public int getDecimals() {
        return decimals;
    }

    public ProductInfo.Tracking getTracking() {
        return tracking;
    }

    public boolean isSerialTracked() {
        return tracking == ProductInfo.Tracking.SERIAL;
    }

    public boolean isAssembly() {
        return assembly;
    }

    public void setAssembly(boolean assembly) {
        this.assembly = assembly;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public ProductInfo toInfo() {
        return new ProductInfo(sku, name, unit, decimals, tracking, assembly);
    }
}

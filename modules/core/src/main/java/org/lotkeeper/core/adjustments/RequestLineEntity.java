package org.lotkeeper.core.adjustments;

import java.math.BigDecimal;
import java.time.LocalDate;

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

import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.support.JsonColumns;

/** A request line as the user entered it, stored with its draft so that it can be posted later. */
@Entity
@Table(name = "request_line")
public class RequestLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "request_line_ids")
    @TableGenerator(name = "request_line_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "request_line", allocationSize = IdBlocks.SIZE)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "document_id", nullable = false)
    private AdjustmentDocument document;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "lot_id")
    private Long lotId;

    @Column(name = "new_product_sku", length = 100)
    private String newProductSku;

    @Column(name = "new_lot_code", length = 100)
    private String newLotCode;

    @Column(name = "new_location_code", length = 100)
    private String newLocationCode;

    @Column(name = "new_expiry_date")
    private LocalDate newExpiry;

    @Column(name = "new_condition", length = 30)
    private String newCondition;

    @Column(name = "quantity", precision = 31, scale = 10)
    private BigDecimal quantity;

    @Column(name = "unit_cost", precision = 31, scale = 10)
    private BigDecimal unitCost;

    @Column(name = "fields_json", nullable = false, length = 4000)
    private String fieldsJson;

    protected RequestLineEntity() {
    }

    public static RequestLineEntity of(RequestLine line) {
        RequestLineEntity entity = new RequestLineEntity();
        entity.lineNo = line.index();
        entity.lotId = line.lotId();
        if (line.newLot() != null) {
            entity.newProductSku = line.newLot().productSku();
            entity.newLotCode = line.newLot().code();
            entity.newLocationCode = line.newLot().locationCode();
            entity.newExpiry = line.newLot().expiry();
            entity.newCondition = line.newLot().condition();
        }
        entity.quantity = line.quantity();
        entity.unitCost = line.unitCost();
        entity.fieldsJson = JsonColumns.write(line.fields());
        return entity;
    }

    public RequestLine toRequestLine() {
        NewLot newLot = newProductSku == null ? null
                : new NewLot(newProductSku, newLotCode, newLocationCode, newExpiry, newCondition);
        return new RequestLine(lineNo, lotId, newLot, strip(quantity), strip(unitCost), JsonColumns.read(fieldsJson));
    }

    private static BigDecimal strip(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    void attachTo(AdjustmentDocument owner) {
        this.document = owner;
    }

    public int getLineNo() {
        return lineNo;
    }
}

package org.lotkeeper.core.stocktake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Marks a lot as being on an open count sheet; the lot id is the key, so a lot is on one open sheet at most. */
@Entity
@Table(name = "open_count")
public class OpenCount {

    @Id
    @Column(name = "lot_id")
    private Long lotId;

    @Column(name = "sheet_id", nullable = false)
    private Long sheetId;

    protected OpenCount() {
    }

    OpenCount(Long lotId, Long sheetId) {
        this.lotId = lotId;
        this.sheetId = sheetId;
    }

    public Long getSheetId() {
        return sheetId;
    }
}

package org.lotkeeper.web.screens.dashboard;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.ledger.StockQueries;
import org.lotkeeper.core.lots.LotFilter;
import org.lotkeeper.core.lots.LotService;
import org.lotkeeper.core.stocktake.CountSheet;
import org.lotkeeper.core.stocktake.CountSheetService;
import org.lotkeeper.core.support.BusinessCalendar;

/** The figures and lists of the dashboard, read once per request. */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

    /** Days ahead that count as "expiring soon". */
    public static final int EXPIRING_SOON_DAYS = 30;

    static final int RECENT_DOCUMENTS = 10;

    @Inject
    StockQueries stock;

    @Inject
    LotService lots;

    @Inject
    AdjustmentService adjustments;

    @Inject
    CountSheetService countSheets;

    @Inject
    BusinessCalendar calendar;

    private BigDecimal stockValue;
    private long expiredLots;
    private long expiringLots;
    private List<AdjustmentDocument> recentDocuments;
    private List<CountSheet> openSheets;

    @PostConstruct
    void load() {
        var today = calendar.today();
        stockValue = stock.totalValue();
        expiredLots = lots.count(new LotFilter(null, null, null, null, today, true));
        expiringLots = lots.count(new LotFilter(null, null, null, today.plusDays(EXPIRING_SOON_DAYS), null, true))
                - lots.count(new LotFilter(null, null, null, today.minusDays(1), null, true));
        recentDocuments = adjustments.list(null, null, 0, RECENT_DOCUMENTS);
        openSheets = countSheets.openSheets(RECENT_DOCUMENTS);
    }

    public BigDecimal getStockValue() {
        return stockValue;
    }

    /** Returns how many lots with stock are expired today. */
    public long getExpiredLots() {
        return expiredLots;
    }

    /** Returns how many lots with stock reach their last day of use within {@link #EXPIRING_SOON_DAYS} days. */
    public long getExpiringLots() {
        return expiringLots;
    }

    public int getExpiringSoonDays() {
        return EXPIRING_SOON_DAYS;
    }

    public List<AdjustmentDocument> getRecentDocuments() {
        return recentDocuments;
    }

    public List<CountSheet> getOpenSheets() {
        return openSheets;
    }
}

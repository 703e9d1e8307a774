package org.lotkeeper.web.screens.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.ledger.StockQueries;
import org.lotkeeper.core.ledger.WriteOffQueries;
import org.lotkeeper.core.lots.LotFilter;
import org.lotkeeper.core.lots.LotService;
import org.lotkeeper.core.stocktake.CountSheet;
import org.lotkeeper.core.stocktake.CountSheetService;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.web.screens.ChartConfigs;

/** The figures and lists of the dashboard, read once per request. */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

    /** Days ahead that count as "expiring soon". */
    public static final int EXPIRING_SOON_DAYS = 30;

    static final int RECENT_DOCUMENTS = 10;

    /** Months the write-off chart shows, ending with the current month. */
    static final int CHART_MONTHS = 12;

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

    @Inject
    WriteOffQueries writeOffs;

    private BigDecimal stockValue;
    private long expiredLots;
    private long expiringLots;
    private List<AdjustmentDocument> recentDocuments;
    private List<CountSheet> openSheets;
    private String writeOffChart;
    private boolean anyWriteOffs;

    @PostConstruct
    void load() {
        var today = calendar.today();
        stockValue = stock.totalValue();
        expiredLots = lots.count(new LotFilter(null, null, null, null, today, true));
        expiringLots = lots.count(new LotFilter(null, null, null, today.plusDays(EXPIRING_SOON_DAYS), null, true))
                - lots.count(new LotFilter(null, null, null, today.minusDays(1), null, true));
        recentDocuments = adjustments.list(null, null, 0, RECENT_DOCUMENTS);
        openSheets = countSheets.openSheets(RECENT_DOCUMENTS);
        loadWriteOffChart();
    }

    /** Builds the chart of value written off per month, one stacked bar per reason code. */
    private void loadWriteOffChart() {
        YearMonth first = writeOffs.firstOfLast(CHART_MONTHS);
        List<String> months = new ArrayList<>();
        for (int i = 0; i < CHART_MONTHS; i++) {
            months.add(first.plusMonths(i).toString());
        }
        Map<String, List<BigDecimal>> byReason = new LinkedHashMap<>();
        for (WriteOffQueries.MonthlyWriteOff writeOff : writeOffs.byMonthAndReason(first)) {
            List<BigDecimal> values = byReason.computeIfAbsent(writeOff.reason(),
                    reason -> new ArrayList<>(Collections.nCopies(CHART_MONTHS, BigDecimal.ZERO.setScale(2))));
            values.set(months.indexOf(writeOff.month().toString()), writeOff.value().setScale(2));
        }
        anyWriteOffs = !byReason.isEmpty();
        writeOffChart = ChartConfigs.stackedBars(months, byReason, "Value written off");
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

    /** Returns the Chart.js configuration of the write-offs by reason over the last months. */
    public String getWriteOffChart() {
        return writeOffChart;
    }

    public boolean isAnyWriteOffs() {
        return anyWriteOffs;
    }

    public List<CountSheet> getOpenSheets() {
        return openSheets;
    }
}

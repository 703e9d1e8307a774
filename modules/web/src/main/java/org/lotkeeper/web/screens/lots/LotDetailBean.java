package org.lotkeeper.web.screens.lots;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.api.Expiry;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.lots.LotService;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ChartConfigs;
import org.lotkeeper.web.screens.Formats;
import org.lotkeeper.web.screens.ProblemMessages;

/** One lot with its balance and its ledger history, each entry with the running balance after it. */
@Named("lotDetail")
@ViewScoped
public class LotDetailBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LotService lots;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Formats formats;

    private Long id;
    private Lot lot;
    private List<HistoryRow> history = List.of();
    private List<OriginRow> origin = List.of();
    private String balanceChart;

    /**
     * A ledger entry with the lot's quantity and value after it, in effective order.
     *
     * @param entry         the ledger entry
     * @param quantityAfter the lot's quantity after this entry
     * @param valueAfter    the lot's value after this entry
     */
    public record HistoryRow(LedgerEntry entry, BigDecimal quantityAfter, BigDecimal valueAfter) {
    }

    /**
     * A component lot that went into this lot, as the assembly build recorded it.
     *
     * @param part the lot id and quantity consumed
     * @param lot  the component lot, or {@code null} when it cannot be read
     */
    public record OriginRow(OriginPart part, Lot lot) {
    }

    /** Loads the lot named by the {@code id} parameter; called by the page's view action. */
    public void load() {
        if (id == null) {
            ProblemMessages.error("No lot was chosen; open a lot from the lot list.");
            return;
        }
        try {
            lot = lots.find(id);
            BigDecimal quantity = BigDecimal.ZERO;
            BigDecimal value = BigDecimal.ZERO;
            List<HistoryRow> rows = new ArrayList<>();
            for (LedgerEntry entry : lots.history(id)) {
                quantity = quantity.add(entry.getQuantity());
                value = value.add(entry.getValue());
                rows.add(new HistoryRow(entry, quantity, value));
            }
            history = rows;
            origin = originRows(lot.getOrigin());
            balanceChart = balanceChart(rows);
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
    }

    /** Returns the Chart.js configuration of the lot's quantity and value after each entry. */
    private String balanceChart(List<HistoryRow> rows) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (HistoryRow row : rows) {
            labels.add(formats.dateTime(row.entry().getEffectiveAt()));
            BigDecimal quantity = row.quantityAfter().stripTrailingZeros();
            quantities.add(quantity.scale() < 0 ? quantity.setScale(0) : quantity);
            values.add(row.valueAfter().setScale(2));
        }
        return ChartConfigs.steppedLines(labels, "Quantity", quantities, "Value", values);
    }

    /** Returns the Chart.js configuration of the balance over time, or {@code null} before loading. */
    public String getBalanceChart() {
        return balanceChart;
    }

    private List<OriginRow> originRows(String text) {
        List<OriginRow> rows = new ArrayList<>();
        for (OriginPart part : OriginPart.parse(text)) {
            rows.add(new OriginRow(part, lots.find(part.lotId())));
        }
        return rows;
    }

    /** Returns the component lots a build consumed for this lot; empty for a lot that was not built. */
    public List<OriginRow> getOrigin() {
        return origin;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Lot getLot() {
        return lot;
    }

    public List<HistoryRow> getHistory() {
        return history;
    }

    public boolean isExpired() {
        return lot != null && Expiry.isExpired(lot.getExpiry(), calendar.today());
    }
}

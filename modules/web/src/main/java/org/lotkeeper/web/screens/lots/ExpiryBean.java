package org.lotkeeper.web.screens.lots;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.api.Expiry;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.lots.LotFilter;
import org.lotkeeper.core.lots.LotOrder;
import org.lotkeeper.core.lots.LotService;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.web.screens.dashboard.DashboardBean;

/**
 * Lots with stock that are expired or reach their last day of use within a number of days,
 * soonest first: the list from which expired stock is written off.
 */
@Named("expiry")
@ViewScoped
public class ExpiryBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest number of days ahead the list accepts. */
    public static final int MAX_DAYS = 3660;

    @Inject
    LotService lotService;

    @Inject
    BusinessCalendar calendar;

    private int days = DashboardBean.EXPIRING_SOON_DAYS;
    private LocalDate today;
    private LotsDataModel model;

    @PostConstruct
    void init() {
        today = calendar.today();
        model = new LotsDataModel(lotService,
                () -> new LotFilter(null, null, null, today.plusDays(days), null, true),
                new LotOrder(LotOrder.Field.EXPIRY, true));
    }

    public LotsDataModel getModel() {
        return model;
    }

    /** Returns how many days ahead the list looks; 0 lists expired lots and those whose last day is today. */
    public int getDays() {
        return days;
    }

    /** Sets the days ahead, kept between 0 and {@link #MAX_DAYS}. */
    public void setDays(int days) {
        this.days = Math.clamp(days, 0, MAX_DAYS);
    }

    public int getMaxDays() {
        return MAX_DAYS;
    }

    public LocalDate getToday() {
        return today;
    }

    public boolean expired(Lot lot) {
        return Expiry.isExpired(lot.getExpiry(), today);
    }

    /** Returns the days from today to the lot's last day of use; negative when it is expired. */
    public long daysLeft(Lot lot) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, lot.getExpiry());
    }

    public String rowClass(Lot lot) {
        return LotsDataModel.rowClass(lot, today, days);
    }
}

package org.lotkeeper.web.screens.lots;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.lots.LotFilter;
import org.lotkeeper.core.lots.LotOrder;
import org.lotkeeper.core.lots.LotService;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.web.screens.dashboard.DashboardBean;

/** The lot list: filters by product, location and lot code, and options for stock and expiry. */
@Named("lots")
@ViewScoped
public class LotsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LotService lotService;

    @Inject
    BusinessCalendar calendar;

    private boolean withStockOnly = true;
    private boolean expiringSoonOnly;
    private LocalDate today;
    private LotsDataModel model;

    @PostConstruct
    void init() {
        today = calendar.today();
        model = new LotsDataModel(lotService, this::baseFilter, LotOrder.BY_ID);
    }

    private LotFilter baseFilter() {
        LocalDate expiresBefore = expiringSoonOnly ? today.plusDays(DashboardBean.EXPIRING_SOON_DAYS) : null;
        return new LotFilter(null, null, null, expiresBefore, null, withStockOnly);
    }

    public LotsDataModel getModel() {
        return model;
    }

    public boolean isWithStockOnly() {
        return withStockOnly;
    }

    public void setWithStockOnly(boolean withStockOnly) {
        this.withStockOnly = withStockOnly;
    }

    /** Returns whether only lots expired or expiring within the dashboard's "soon" are listed. */
    public boolean isExpiringSoonOnly() {
        return expiringSoonOnly;
    }

    public void setExpiringSoonOnly(boolean expiringSoonOnly) {
        this.expiringSoonOnly = expiringSoonOnly;
    }

    public int getSoonDays() {
        return DashboardBean.EXPIRING_SOON_DAYS;
    }

    public String rowClass(Lot lot) {
        return LotsDataModel.rowClass(lot, today, DashboardBean.EXPIRING_SOON_DAYS);
    }
}

package org.lotkeeper.web.screens.stocktake;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.stocktake.CountSheet;
import org.lotkeeper.core.stocktake.CountSheetService;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.web.screens.ProblemMessages;

/** Opens a count sheet for every lot with stock at a location, and lists the open sheets. */
@Named("stocktake")
@ViewScoped
public class StocktakeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Most open sheets listed. */
    static final int OPEN_SHEETS_SHOWN = 50;

    @Inject
    CountSheetService countSheets;

    @Inject
    CatalogService catalog;

    private String locationCode;
    private boolean blind;
    private String note;

    /** Opens the sheet and goes to its count screen. */
    public String open() {
        try {
            CountSheet sheet = countSheets.open(null, locationCode, null, blind, null, note);
            ProblemMessages.infoAfterRedirect("Opened count sheet " + sheet.getId() + " with " + sheet.getLines().size()
                    + " lots; their system quantities are frozen now.");
            return "/countSheet?faces-redirect=true&id=" + sheet.getId();
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> "lots".equals(field) ? "openSheet:location" : null);
            return null;
        }
    }

    public List<Location> getLocations() {
        return catalog.locations();
    }

    public List<CountSheet> getOpenSheets() {
        return countSheets.openSheets(OPEN_SHEETS_SHOWN);
    }

    public String getLocationCode() {
        return locationCode;
    }

    public void setLocationCode(String locationCode) {
        this.locationCode = locationCode;
    }

    /** Returns whether counters are kept from seeing the system quantities. */
    public boolean isBlind() {
        return blind;
    }

    public void setBlind(boolean blind) {
        this.blind = blind;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}

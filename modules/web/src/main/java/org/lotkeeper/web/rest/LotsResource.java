package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lotkeeper.core.lots.LotFilter;
import org.lotkeeper.core.lots.LotService;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;

/** Lots, filtered by product, location, code and expiry, and a lot's ledger history. */
@Path("lots")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LotsResource {

    @Inject
    LotService lots;

    @Inject
    BusinessCalendar calendar;

    /**
     * Lists lots. {@code expiringBy} keeps lots whose last day of use is on or before that date;
     * {@code expired=true} keeps lots expired today (or on {@code on}).
     */
    @GET
    public String list(@QueryParam("product") String product, @QueryParam("location") String location,
                       @QueryParam("code") String code, @QueryParam("expiringBy") String expiringBy,
                       @QueryParam("expired") @DefaultValue("false") boolean expired, @QueryParam("on") String on,
                       @QueryParam("withStock") @DefaultValue("false") boolean withStock,
                       @QueryParam("offset") @DefaultValue("0") int offset,
                       @QueryParam("limit") @DefaultValue("100") int limit) {
        LocalDate today = on == null ? calendar.today() : date("on", on);
        LotFilter filter = new LotFilter(blankToNull(product), blankToNull(location), blankToNull(code),
                expiringBy == null ? null : date("expiringBy", expiringBy), expired ? today : null, withStock);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        lots.list(filter, Paging.offset(offset), Paging.limit(limit))
                .forEach(lot -> items.add(Representations.lot(lot, today)));
        return items.build().toString();
    }

    @GET
    @Path("{id}")
    public String lot(@PathParam("id") long id) {
        return Representations.lot(lots.find(id), calendar.today()).toString();
    }

    @GET
    @Path("{id}/ledger")
    public String ledger(@PathParam("id") long id) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        lots.history(id).forEach(entry -> items.add(Representations.entry(entry)));
        return items.build().toString();
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid(field, text, "Must be a date in ISO format, such as 2025-03-31.");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

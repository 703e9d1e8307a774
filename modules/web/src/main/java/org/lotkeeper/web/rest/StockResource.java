package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lotkeeper.core.ledger.LedgerVerifier;
import org.lotkeeper.core.ledger.StockQueries;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;

/** Stock on hand now or as of a date, the ledger check, and the server's business calendar. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    StockQueries stock;

    @Inject
    LedgerVerifier verifier;

    @Inject
    BusinessCalendar calendar;

    /** Returns stock on hand grouped by {@code lot}, {@code product} or {@code location}. */
    @GET
    @Path("stock")
    public String stock(@QueryParam("groupBy") @DefaultValue("product") String groupBy,
                        @QueryParam("asOf") String asOf, @QueryParam("product") String product,
                        @QueryParam("location") String location) {
        StockQueries.GroupBy grouping;
        try {
            grouping = StockQueries.GroupBy.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("groupBy", groupBy, "Must be lot, product or location.");
        }
        LocalDate date = asOf == null ? null : LotsResource.date("asOf", asOf);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        stock.onHand(date, grouping, LotsResource.blankToNull(product), LotsResource.blankToNull(location))
                .forEach(row -> items.add(Representations.stockRow(row)));
        return items.build().toString();
    }

    /** Recomputes every balance from the ledger and reports drift. */
    @GET
    @Path("ledger/verification")
    public String verify() {
        LedgerVerifier.Report report = verifier.verify();
        JsonArrayBuilder problems = JSON.createArrayBuilder();
        report.problems().forEach(problems::add);
        return JSON.createObjectBuilder()
                .add("consistent", report.consistent())
                .add("lots", report.lots())
                .add("entries", report.entries())
                .add("problems", problems)
                .build().toString();
    }

    /** Returns the business time zone and today's business date. */
    @GET
    @Path("calendar")
    public String calendar() {
        return JSON.createObjectBuilder()
                .add("zone", calendar.zone().getId())
                .add("today", calendar.today().toString())
                .build().toString();
    }
}

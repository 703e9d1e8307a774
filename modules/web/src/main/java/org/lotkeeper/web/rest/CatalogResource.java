package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.support.BusinessException;

/** Products, locations and bills of materials. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    CatalogService catalog;

    @GET
    @Path("products")
    public String products(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                           @QueryParam("limit") @DefaultValue("100") int limit) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        catalog.products(search, Paging.offset(offset), Paging.limit(limit))
                .forEach(product -> items.add(Representations.product(product)));
        return items.build().toString();
    }

    @GET
    @Path("products/{sku}")
    public String product(@PathParam("sku") String sku) {
        Product product = catalog.findProduct(sku).orElseThrow(() -> BusinessException.notFound("sku", sku, "Product"));
        return Representations.product(product).toString();
    }

    /** Creates a product: {@code {"sku","name","unit","decimals"?,"tracking"?: "lot"|"serial","assembly"?}}. */
    @POST
    @Path("products")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProduct(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        String sku = input.text(json, "sku", "sku", true);
        String name = input.text(json, "name", "name", true);
        String unit = input.text(json, "unit", "unit", true);
        Integer decimals = input.integer(json, "decimals", "decimals", 0, CatalogService.MAX_DECIMALS);
        String tracking = input.text(json, "tracking", "tracking", false);
        boolean assembly = input.flag(json, "assembly", "assembly");
        ProductInfo.Tracking parsedTracking = ProductInfo.Tracking.LOT;
        if (tracking != null) {
            try {
                parsedTracking = ProductInfo.Tracking.valueOf(tracking.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                input.add("tracking", tracking, "Must be lot or serial.");
            }
        }
        input.throwIfAny();

        Product product = catalog.createProduct(sku, name, unit, decimals, parsedTracking, assembly);
        return Response.created(UriBuilder.fromPath("products/{sku}").build(product.getSku()))
                .entity(Representations.product(product).toString()).build();
    }

    @GET
    @Path("locations")
    public String locations() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        catalog.locations().forEach(location -> items.add(Representations.location(location)));
        return items.build().toString();
    }

    /** Creates a location: {@code {"code","name"?,"parent"?}}. */
    @POST
    @Path("locations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createLocation(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        String code = input.text(json, "code", "code", true);
        String name = input.text(json, "name", "name", false);
        String parent = input.text(json, "parent", "parent", false);
        input.throwIfAny();

        Location location = catalog.createLocation(code, name, parent);
        return Response.created(UriBuilder.fromPath("locations/{code}").build(location.getCode()))
                .entity(Representations.location(location).toString()).build();
    }

    @GET
    @Path("products/{sku}/bom")
    public String billOfMaterials(@PathParam("sku") String sku) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        catalog.billOfMaterials(sku).forEach(entry -> items.add(Representations.bomLine(entry)));
        return items.build().toString();
    }

    /** Adds or replaces a bill-of-materials line: {@code {"component","quantityPerUnit"}}. */
    @POST
    @Path("products/{sku}/bom")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setBomLine(@PathParam("sku") String sku, String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        String component = input.text(json, "component", "component", true);
        var quantity = input.decimal(json, "quantityPerUnit", "quantityPerUnit", true);
        boolean optional = input.flag(json, "optional", "optional");
        boolean consumable = input.flag(json, "consumable", "consumable");
        input.throwIfAny();

        var entry = catalog.setBomLine(sku, component, quantity, optional, consumable);
        return Response.ok(Representations.bomLine(entry).toString()).build();
    }
}

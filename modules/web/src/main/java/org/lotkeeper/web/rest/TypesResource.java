package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeInvoker;
import org.lotkeeper.core.plugins.TypeRegistry;
import org.lotkeeper.core.plugins.TypeSettingsService;
import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessException;

/** The adjustment types with their metadata and settings. */
@Path("adjustment-types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TypesResource {

    @Inject
    TypeRegistry registry;

    @Inject
    TypeSettingsService settings;

    @Inject
    TypeInvoker invoker;

    @Inject
    Caller caller;

    @GET
    public String list() {
        caller.require(Role.VIEWER, "type.list", null);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (RegisteredType type : registry.all()) {
            items.add(Representations.type(type, settings.settingsOf(type.id()), invoker.stats(type.id())));
        }
        return items.build().toString();
    }

    @GET
    @Path("{id}")
    public String type(@PathParam("id") String id) {
        caller.require(Role.VIEWER, "type.read", id);
        RegisteredType type = registry.find(id).orElseThrow(() -> BusinessException.notFound("id", id, "Adjustment type"));
        return Representations.type(type, settings.settingsOf(id), invoker.stats(id)).toString();
    }

    /**
     * Replaces a type's settings; admin only. Body: {@code {"enabled", "approvalRequired",
     * "backdatingDays", "reasonCodes": [..], "properties": {..}}}; absent values keep their
     * current setting.
     */
    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public String configure(@PathParam("id") String id, String body) {
        caller.require(Role.ADMIN, "type.configure", id);
        TypeSettingsView current = settings.settingsOf(id);
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();

        boolean enabled = json.containsKey("enabled") ? input.flag(json, "enabled", "enabled") : current.enabled();
        boolean approval = json.containsKey("approvalRequired")
                ? input.flag(json, "approvalRequired", "approvalRequired") : current.approvalRequired();
        Integer days = input.integer(json, "backdatingDays", "backdatingDays", 0, TypeSettingsService.MAX_BACKDATING_DAYS);
        List<String> reasons = json.containsKey("reasonCodes") ? reasonCodes(json.get("reasonCodes"), input)
                : current.reasonCodes();
        Map<String, String> properties = json.containsKey("properties")
                ? input.fields(json, "properties", "properties") : current.properties();
        input.throwIfAny();

        TypeSettingsView updated = settings.update(id, enabled, approval, days == null ? current.backdatingDays() : days,
                reasons, properties);
        return Representations.type(registry.find(id).orElseThrow(), updated, invoker.stats(id)).toString();
    }

    private static List<String> reasonCodes(JsonValue value, JsonInput input) {
        List<String> codes = new ArrayList<>();
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            input.add("reasonCodes", value, "Must be an array of codes, such as [\"BROKEN\", \"WATER\"].");
            return codes;
        }
        for (JsonValue item : value.asJsonArray()) {
            if (item instanceof JsonString text) {
                codes.add(text.getString().strip());
            } else {
                input.add("reasonCodes", item, "Each reason code must be text.");
            }
        }
        return codes;
    }
}

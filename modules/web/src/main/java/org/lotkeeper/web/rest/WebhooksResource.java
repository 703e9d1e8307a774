package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.lotkeeper.core.webhooks.Registration;
import org.lotkeeper.core.webhooks.Webhook;
import org.lotkeeper.core.webhooks.WebhookDelivery;
import org.lotkeeper.core.webhooks.WebhookService;

/** Webhooks and their deliveries; admin only. */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    WebhookService webhooks;

    /**
     * Registers a webhook: {@code {"url": "https://..."}}. The response carries the signing
     * secret, which no later response shows.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        String url = input.text(json, "url", "url", true);
        input.throwIfAny();

        Registration registration = webhooks.register(url);
        Webhook webhook = registration.webhook();
        JsonObject entity = webhook(webhook).add("secret", registration.secret()).build();
        return Response.created(UriBuilder.fromPath("webhooks/{id}").build(webhook.getId()))
                .entity(entity.toString()).build();
    }

    @GET
    public String list() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        webhooks.list().forEach(webhook -> items.add(webhook(webhook)));
        return items.build().toString();
    }

    /** Disables or enables a webhook: {@code {"enabled": false}}. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String update(@PathParam("id") long id, String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        if (!json.containsKey("enabled") || json.get("enabled").getValueType() == JsonValue.ValueType.NULL) {
            input.add("enabled", json.get("enabled"), "Required: true to enable the webhook, false to disable it.");
        }
        boolean enabled = input.flag(json, "enabled", "enabled");
        input.throwIfAny();
        return webhook(webhooks.setEnabled(id, enabled)).build().toString();
    }

    /** Deletes a webhook and its delivery history. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    /** Returns a webhook's latest deliveries, newest first. */
    @GET
    @Path("{id}/deliveries")
    public String deliveries(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("100") int limit) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        webhooks.deliveries(id, Paging.limit(limit)).forEach(delivery -> items.add(delivery(delivery)));
        return items.build().toString();
    }

    private static JsonObjectBuilder webhook(Webhook webhook) {
        return JSON.createObjectBuilder()
                .add("id", webhook.getId())
                .add("url", webhook.getUrl())
                .add("enabled", webhook.isEnabled())
                .add("createdBy", webhook.getCreatedBy())
                .add("createdAt", webhook.getCreatedAt().toString());
    }

    private static JsonObjectBuilder delivery(WebhookDelivery delivery) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", delivery.getId())
                .add("eventId", delivery.getEventId())
                .add("documentId", delivery.getDocumentId())
                .add("status", delivery.getStatus().name())
                .add("attempts", delivery.getAttempts());
        addOrNull(json, "lastStatusCode", delivery.getLastStatusCode());
        addOrNull(json, "lastError", delivery.getLastError());
        addOrNull(json, "nextAttemptAt", delivery.getNextAttemptAt());
        addOrNull(json, "deliveredAt", delivery.getDeliveredAt());
        addOrNull(json, "claimedBy", delivery.getClaimedBy());
        addOrNull(json, "claimedUntil", delivery.getClaimedUntil());
        return json.add("payload", delivery.getPayload());
    }

    private static void addOrNull(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Integer number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }
}

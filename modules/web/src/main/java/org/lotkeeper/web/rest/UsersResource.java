package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;


import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.AppUser;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.security.UserService;

/** Users and the audit trail; admin only. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @GET
    @Path("users")
    public String list() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        users.list().forEach(user -> items.add(user(user)));
        return items.build().toString();
    }

    /** Creates a user: {@code {"userName", "password", "role": "admin"|"staff"|"viewer"}}. */
    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        String name = input.text(json, "userName", "userName", true);
        String password = input.text(json, "password", "password", true);
        String roleName = input.text(json, "role", "role", true);
        Role role = null;
        if (roleName != null) {
            try {
                role = Role.parse(roleName);
            } catch (IllegalArgumentException e) {
                input.add("role", roleName, e.getMessage());
            }
        }
        input.throwIfAny();

        AppUser user = users.create(name, password, role);
        return Response.created(UriBuilder.fromPath("users/{name}").build(user.getUserName())).entity(user(user).toString()).build();
    }

    /** Changes a user's role or enabled flag: {@code {"role"?, "enabled"?}}; admin only. */
    @PUT
    @Path("users/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String update(@PathParam("name") String name, String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        String roleName = input.text(json, "role", "role", false);
        Boolean enabled = json.containsKey("enabled") ? input.flag(json, "enabled", "enabled") : null;
        Role role = null;
        if (roleName != null) {
            try {
                role = Role.parse(roleName);
            } catch (IllegalArgumentException e) {
                input.add("role", roleName, e.getMessage());
            }
        }
        input.throwIfAny();
        return user(users.update(name, role, enabled)).toString();
    }

    /** Sets a new password: {@code {"password"}}; admins for anyone, others for themselves. */
    @POST
    @Path("users/{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@PathParam("name") String name, String body) {
        JsonObject json = JsonBodies.object(body);
        JsonInput input = new JsonInput();
        String password = input.text(json, "password", "password", true);
        input.throwIfAny();
        users.changePassword(name, password);
        return Response.noContent().build();
    }

    /** Exports the latest audit events as CSV, newest first; admin only. */
    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response auditCsv(@jakarta.ws.rs.QueryParam("user") String user,
                             @jakarta.ws.rs.QueryParam("action") String action,
                             @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("1000") int limit) {
        caller.require(Role.ADMIN, "audit.export", null);
        StringBuilder csv = new StringBuilder("id,occurred_at,user,action,target,outcome,detail,remote_address\r\n");
        audit.latest(LotsResource.blankToNull(user), LotsResource.blankToNull(action), Paging.limit(limit))
                .forEach(event -> csv.append(event.getId()).append(',')
                        .append(event.getOccurredAt()).append(',')
                        .append(csvField(event.getUserName())).append(',')
                        .append(csvField(event.getAction())).append(',')
                        .append(csvField(event.getTarget())).append(',')
                        .append(csvField(event.getOutcome())).append(',')
                        .append(csvField(event.getDetail())).append(',')
                        .append(csvField(event.getRemoteAddress())).append("\r\n"));
        return Response.ok(csv.toString()).header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    /**
     * Quotes a CSV field, and prefixes text that a spreadsheet would run as a formula with an
     * apostrophe, so an exported value never executes.
     */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Returns who is signed in and with which role. */
    @GET
    @Path("me")
    public String me() {
        Role role = null;
        for (Role candidate : Role.values()) {
            if (caller.has(candidate)) {
                role = candidate;
            }
        }
        return JSON.createObjectBuilder().add("userName", caller.name())
                .add("role", role == null ? "none" : role.roleName()).build().toString();
    }

    /** Returns the latest audit events, newest first; admin only. */
    @GET
    @Path("audit")
    public String audit(@jakarta.ws.rs.QueryParam("user") String user, @jakarta.ws.rs.QueryParam("action") String action,
                        @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("100") int limit) {
        caller.require(Role.ADMIN, "audit.read", null);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        audit.latest(LotsResource.blankToNull(user), LotsResource.blankToNull(action), Paging.limit(limit))
                .forEach(event -> items.add(JSON.createObjectBuilder()
                        .add("id", event.getId())
                        .add("occurredAt", event.getOccurredAt().toString())
                        .add("userName", event.getUserName())
                        .add("action", event.getAction())
                        .add("target", event.getTarget() == null ? "" : event.getTarget())
                        .add("outcome", event.getOutcome())
                        .add("detail", event.getDetail() == null ? "" : event.getDetail())
                        .add("remoteAddress", event.getRemoteAddress() == null ? "" : event.getRemoteAddress())));
        return items.build().toString();
    }

    private static JsonObject user(AppUser user) {
        return JSON.createObjectBuilder()
                .add("userName", user.getUserName())
                .add("role", user.getRole().roleName())
                .add("enabled", user.isEnabled())
                .add("createdAt", user.getCreatedAt().toString())
                .build();
    }
}

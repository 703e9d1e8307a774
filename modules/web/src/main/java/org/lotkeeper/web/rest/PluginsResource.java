package org.lotkeeper.web.rest;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.lotkeeper.api.Problem;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.plugins.PluginService;
import org.lotkeeper.core.plugins.RegisteredType;
import org.lotkeeper.core.plugins.TypeSettingsService;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Plugin jars: the jars adjustment types come from, and installing and uninstalling jars in the
 * plugins folder; admin only. {@code POST /plugins?fileName=theft-1.0.0.jar} takes the jar as the
 * body ({@code application/java-archive} or {@code application/octet-stream}) and installs it
 * at once, without a restart; {@code DELETE /plugins/{fileName}} uninstalls it.
 */
@Path("plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

    /** Content types a jar may be sent as. */
    static final Set<String> JAR_TYPES = Set.of("application/java-archive", "application/x-java-archive",
            "application/zip", "application/x-zip-compressed", "application/octet-stream");

    @Inject
    PluginService plugins;

    @Inject
    TypeSettingsService settings;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @GET
    public String list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        plugins.list().forEach(plugin -> items.add(plugin(plugin)));
        return items.build().toString();
    }

    @GET
    @Path("{fileName}")
    public String plugin(@PathParam("fileName") String fileName) {
        return plugins.find(fileName).map(this::plugin)
                .orElseThrow(() -> BusinessException.notFound("fileName", fileName, "Plugin"))
                .build().toString();
    }

    /**
     * Checks and installs a jar. Answers 201 with the jar and its types, 413 when it is larger
     * than 10 MiB, 415 for a content type other than a jar's, 400 when it is not a usable jar,
     * 422 when it has no usable adjustment type and 409 when a type id, the file name or the same
     * jar is already installed.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response install(@QueryParam("fileName") String fileName,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        caller.require(Role.ADMIN, "plugin.install", fileName);
        if (!isJarType(contentType)) {
            ImportsResource.discard(body);
            String label = PluginService.label(fileName);
            audit.recordRejection(caller.name(), "plugin.install", label, "reason=content type " + contentType);
            return ProblemResponses.of(415, "unsupported-media-type", "Unsupported media type", "Send " + label
                    + " as application/java-archive or application/octet-stream, not " + contentType + ".",
                    List.of(new Problem("Content-Type", contentType, "Must be application/java-archive or"
                            + " application/octet-stream.")));
        }
        PluginService.Outcome outcome;
        try {
            outcome = plugins.install(fileName, body);
        } catch (BusinessException e) {
            if (e.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
                ImportsResource.discard(body);
            }
            throw e;
        }
        return Response.created(UriBuilder.fromPath("plugins/{fileName}").build(outcome.plugin().fileName()))
                .entity(plugin(outcome.plugin()).add("message", outcome.message()).build().toString()).build();
    }

    /** Uninstalls a jar of the plugins folder; 409 for a jar that is part of the application. */
    @DELETE
    @Path("{fileName}")
    public String uninstall(@PathParam("fileName") String fileName) {
        PluginService.Outcome outcome = plugins.uninstall(fileName);
        return plugin(outcome.plugin()).add("message", outcome.message()).build().toString();
    }

    private static boolean isJarType(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return JAR_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private JsonObjectBuilder plugin(PluginService.Plugin plugin) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("fileName", plugin.fileName())
                .add("origin", plugin.uploaded() ? "uploaded" : "built-in");
        if (plugin.jar() == null) {
            json.addNull("size").addNull("sha256");
        } else {
            json.add("size", plugin.jar().size()).add("sha256", plugin.jar().sha256());
        }
        JsonArrayBuilder types = Json.createArrayBuilder();
        for (RegisteredType type : plugin.types()) {
            TypeDescriptor descriptor = type.descriptor();
            JsonObjectBuilder item = Json.createObjectBuilder().add("id", type.id())
                    .add("status", status(type));
            if (descriptor != null) {
                item.add("name", descriptor.name()).add("version", descriptor.version())
                        .add("spiVersion", descriptor.spiVersion());
            }
            if (type.failure() != null) {
                item.add("failure", type.failure());
            }
            types.add(item);
        }
        return json.add("types", types);
    }

    private String status(RegisteredType type) {
        if (!type.loaded()) {
            return "failed";
        }
        // An uninstalled type is neither enabled nor disabled any more.
        if (type.uploaded() && !java.nio.file.Files.exists(type.uploadedJar())) {
            return "uninstalled";
        }
        return settings.settingsOf(type.id()).enabled() ? "enabled" : "disabled";
    }
}

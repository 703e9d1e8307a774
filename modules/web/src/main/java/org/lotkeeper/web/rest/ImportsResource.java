package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lotkeeper.api.Problem;
import org.lotkeeper.core.imports.CostPolicy;
import org.lotkeeper.core.imports.ImportIssue;
import org.lotkeeper.core.imports.ImportKind;
import org.lotkeeper.core.imports.ImportMode;
import org.lotkeeper.core.imports.ImportOptions;
import org.lotkeeper.core.imports.ImportOutcome;
import org.lotkeeper.core.imports.ImportReport;
import org.lotkeeper.core.imports.ImportService;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * CSV imports of locations, products, bills of materials and opening stock. The body is the file
 * as {@code text/csv} or {@code text/plain}, in UTF-8 unless the content type names another
 * charset. A dry run and an applied import return 200, and a commit rejected as a whole returns
 * 422 with the same report. Malformed CSV returns 400, another content type 415, and a body over
 * {@link #MAX_BYTES} bytes 413.
 */
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    /** Largest file accepted, in bytes: 20 MiB. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    /** Maximum bytes of an oversized body read and dropped before the 413 response. */
    static final long MAX_DISCARDED_BYTES = 4L * MAX_BYTES;

    private static final Logger LOG = Logger.getLogger(ImportsResource.class.getName());

    @Inject
    ImportService imports;

    /**
     * Imports a file. {@code mode} is {@code dry-run} (the default), {@code commit} or
     * {@code commit-valid}. {@code defaultLocation} and {@code costPolicy} ({@code reject},
     * {@code zero} or {@code product-average}) apply to opening stock.
     */
    @POST
    @Path("{kind}")
    @Consumes(MediaType.WILDCARD)
    public Response importFile(@PathParam("kind") String kind, @QueryParam("mode") @DefaultValue("dry-run") String mode,
                               @QueryParam("defaultLocation") String defaultLocation,
                               @QueryParam("costPolicy") @DefaultValue("reject") String costPolicy,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        Charset charset = charsetOf(contentType);
        if (charset == null) {
            return ProblemResponses.of(415, "unsupported-media-type", "Unsupported media type", "Send the file as"
                    + " text/csv or text/plain, not " + contentType + ".", List.of(new Problem("Content-Type",
                    contentType, "Must be text/csv or text/plain, optionally with a charset such as UTF-8.")));
        }
        ImportKind parsedKind = ImportKind.parse(kind).orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND,
                "kind", kind, "Import kind " + kind + " does not exist; use " + ImportKind.idList() + "."));
        ImportMode parsedMode = ImportMode.parse(mode).orElseThrow(() -> BusinessException.invalid("mode", mode,
                "Invalid mode; use dry-run, commit or commit-valid."));
        CostPolicy parsedPolicy = CostPolicy.parse(costPolicy).orElseThrow(() -> BusinessException.invalid(
                "costPolicy", costPolicy, "Invalid cost policy; use reject, zero or product-average."));

        byte[] bytes = contentLength != null && contentLength > MAX_BYTES ? null : read(body);
        if (bytes == null) {
            discard(body);
            return ProblemResponses.of(413, "payload-too-large", "File too large", "An import file may have at most "
                    + MAX_BYTES + " bytes (20 MiB); split the file.", List.of(new Problem("body", null,
                    "The file is larger than " + MAX_BYTES + " bytes.")));
        }
        String text = decode(bytes, charset);

        ImportReport report = imports.run(parsedKind, text, new ImportOptions(parsedMode, defaultLocation,
                parsedPolicy));
        int status = report.outcome() == ImportOutcome.REJECTED ? 422 : 200;
        return Response.status(status).entity(json(report)).build();
    }

    /** Returns the charset of a text/csv or text/plain body, UTF-8 when none is named, or {@code null} for another type. */
    private static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean text = "text".equalsIgnoreCase(type.getType());
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        if (!text || !(subtype.equals("csv") || subtype.equals("plain"))) {
            return null;
        }
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw BusinessException.invalid("Content-Type", contentType, "Unknown charset " + name + "; send UTF-8.");
        }
    }

    /** Returns the body, or {@code null} when it is longer than {@link #MAX_BYTES}. */
    private static byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the import file failed", e);
        }
    }

    /**
     * Reads and drops the rest of an oversized body, up to {@link #MAX_DISCARDED_BYTES}. A client
     * such as {@code java.net.http.HttpClient} reads no response before it has sent the whole
     * body, and fails with an EOF when the server answers early and closes the connection.
     */
    static void discard(InputStream body) {
        try {
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int read = body.read(buffer); read >= 0 && skipped < MAX_DISCARDED_BYTES; read = body.read(buffer)) {
                skipped += read;
            }
        } catch (IOException e) {
            LOG.fine(() -> "The client stopped sending an oversized import file: " + e);
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BusinessException.invalid("body", null, "The file is not valid " + charset.name() + " text; save it"
                    + " as " + charset.name() + " or name its charset in the Content-Type.");
        }
    }

    static String json(ImportReport report) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("kind", report.kind().id())
                .add("mode", report.mode().id())
                .add("outcome", report.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("rows", report.rows())
                .add("accepted", report.accepted())
                .add("rejected", report.rejected())
                .add("warnings", issues(report.warnings()))
                .add("errors", issues(report.errors()));
        JsonArrayBuilder documents = JSON.createArrayBuilder();
        report.documents().forEach(documents::add);
        json.add("documents", documents);
        if (report.rejectedCsv() != null) {
            json.add("rejectedCsv", report.rejectedCsv());
        }
        return json.build().toString();
    }

    private static JsonArrayBuilder issues(List<ImportIssue> issues) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (ImportIssue issue : issues) {
            JsonObjectBuilder item = JSON.createObjectBuilder();
            if (issue.line() == null) {
                item.addNull("line");
            } else {
                item.add("line", issue.line());
            }
            addText(item, "column", issue.column());
            addText(item, "value", issue.value());
            item.add("message", issue.message());
            items.add(item);
        }
        return items;
    }

    private static void addText(JsonObjectBuilder item, String name, String text) {
        if (text == null) {
            item.addNull(name);
        } else {
            item.add(name, text);
        }
    }
}

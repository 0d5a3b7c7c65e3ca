package dev.musicmeta.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Checks an HTTP exchange against src/main/resources/openapi.yaml: the status is documented for
 * the operation, the content type is one it documents, the body validates against its schema
 * (JSON Schema 2020-12, {@code #/components/...} resolved in the document), required headers
 * are there, headers match their schemas, and no header but those of the message's framing is
 * sent undocumented. Every response the integration tests receive goes through
 * here, so the document cannot drift from the code.
 */
final class OpenApiValidator {

    static final OpenApiValidator INSTANCE = new OpenApiValidator();

    /** Problems the HTTP server raises below the API; documented once, as {@code default}. */
    private static final Set<String> BELOW_API = Set.of("/problems/malformed-request", "/problems/request-timeout",
            "/problems/uri-too-long", "/problems/headers-too-large");

    /**
     * The statuses of those problems, and 426 for an HTTP/2 preface: answered on the Spotify surface
     * in its shape, and on a HEAD with no body to tell the type.
     */
    private static final Set<Integer> BELOW_API_STATUSES = Set.of(400, 408, 414, 426, 431);

    /** Headers of the message's framing and encoding, which the document does not list. */
    private static final Set<String> TRANSPORT = Set.of(
            "content-type", "content-length", "content-encoding", "transfer-encoding", "date", "connection", "keep-alive");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final List<PathTemplate> paths = new ArrayList<>();
    /** 2020-12 plus OpenAPI's {@code example}; any other unknown keyword (a typo) is an error. */
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keywords(List.of(new NonValidationKeyword("components"), new NonValidationKeyword("example")))
                    .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                    .build()));
    private final Map<JsonNode, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger schemaIds = new AtomicInteger();

    private record PathTemplate(String template, Pattern pattern, int literalChars) {}

    private OpenApiValidator() {
        try (InputStream in = OpenApiValidator.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.get("paths").fieldNames().forEachRemaining(t -> paths.add(new PathTemplate(t,
                Pattern.compile(Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                t.replaceAll("\\{[^}]+}", "").length())));
    }

    JsonNode document() {
        return doc;
    }

    /**
     * Validates one exchange; throws AssertionError naming every mismatch.
     *
     * @param path    the request path as sent (no query)
     * @param headers response headers, names in lower case
     * @param body    the decoded (gunzipped) body; empty for HEAD and 304
     */
    void validate(String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
        List<String> errors = new ArrayList<>();
        String where = method + " " + path + " -> " + status;
        String contentType = mediaType(first(headers, "content-type"));
        boolean spotify = isSpotifySurface(path);
        if (spotify && status >= 400 && "application/problem+json".equals(contentType)
                && (body.length > 0 ? BELOW_API.contains(typeOf(body))
                        : method.equals("HEAD") && BELOW_API_STATUSES.contains(status))) {
            // refused before its path was read (a request line or URL the server cannot parse): the
            // server could not know the surface, and answers as on every path
            JsonNode refused = body.length > 0 ? parse(body, errors) : null;
            if (refused != null) {
                check(schema(ref("#/components/schemas/Problem")), refused, errors);
            }
            checkHeaders(resolve(doc.at("/components/responses/OtherProblem")), headers, errors);
            if (!errors.isEmpty()) {
                throw new AssertionError(where + " does not match openapi.yaml:\n  " + String.join("\n  ", errors));
            }
            return;
        }
        JsonNode problem = null;
        if (status >= 400 && spotify) {
            checkSpotifyError(path, status, contentType, body, errors);
        } else if (status >= 400) {
            if (!"application/problem+json".equals(contentType)) {
                errors.add("an error must be application/problem+json, was " + contentType);
            } else if (body.length > 0) {
                problem = parse(body, errors);
                if (problem != null) {
                    // RFC 9457's members here; extension members (/ready's components) by the documented schema
                    ObjectNode members = problem.isObject() ? ((ObjectNode) problem).deepCopy() : null;
                    if (members != null) {
                        members.retain("type", "title", "status", "detail");
                    }
                    check(schema(ref("#/components/schemas/Problem")), members != null ? members : problem, errors);
                    if (problem.path("status").asInt() != status) {
                        errors.add("problem status " + problem.path("status") + " is not the HTTP status");
                    }
                }
            }
        }
        String problemType = problem == null ? "" : problem.path("type").asText();
        // statuses the HTTP server raises below any route (426 for an HTTP/2 preface) may answer any path
        boolean belowApi = BELOW_API.contains(problemType) || ProblemDocument.ABOUT_BLANK.equals(problemType)
                || ((spotify || method.equals("HEAD")) && BELOW_API_STATUSES.contains(status));
        PathTemplate template = match(path);
        JsonNode operation = template == null ? null : operation(template.template, method);
        if (template == null) {
            if (status == 404) {
                checkHeaders(resolve(doc.at(spotify ? "/components/responses/SpotifyNotFound"
                        : "/components/responses/UnknownPath")), headers, errors);
            } else if (spotify && status == 401) {
                checkHeaders(resolve(doc.at("/components/responses/SpotifyUnauthorized")), headers, errors);
            } else if (!(status == 429 || status == 503 || belowApi)) {
                errors.add("unknown path answered " + status + " instead of 404");
            }
        } else if (operation == null) {
            if (status == 405) {
                JsonNode response = methodNotAllowed(template.template);
                if (response == null) {
                    errors.add("405 is not documented for " + template.template);
                } else {
                    checkHeaders(resolve(response), headers, errors);
                }
            } else if (spotify && status == 401) { // the bearer token is checked before the method
                checkHeaders(resolve(doc.at("/components/responses/SpotifyUnauthorized")), headers, errors);
            } else if (!(belowApi || status == 503 || status == 429)) {
                errors.add("method not in the document answered " + status + " instead of 405");
            }
        } else {
            JsonNode responses = operation.get("responses");
            JsonNode response = responses.get(Integer.toString(status));
            if (response == null && belowApi) {
                response = responses.get("default");
            }
            if (response == null) {
                errors.add("status " + status + " is not documented for " + method + " " + template.template);
            } else {
                response = resolve(response);
                checkHeaders(response, headers, errors);
                checkContent(response, method, status, contentType, body, problem, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(where + " does not match openapi.yaml:\n  " + String.join("\n  ", errors));
        }
    }

    /**
     * The contract's one exception: the Spotify-compatible surface answers errors as Spotify's
     * error object ({@code /v1}) or RFC 6749's ({@code /api/token}), as {@code application/json}.
     */
    static boolean isSpotifySurface(String path) {
        return path.equals("/v1") || path.startsWith("/v1/") || path.equals("/api/token") || path.equals("/api/token/");
    }

    private void checkSpotifyError(String path, int status, String contentType, byte[] body, List<String> errors) {
        if (!"application/json".equals(contentType)) {
            errors.add("an error on " + path + " must be application/json, was " + contentType);
            return;
        }
        if (body.length == 0) {
            return; // HEAD
        }
        JsonNode error = parse(body, errors);
        if (error == null) {
            return;
        }
        boolean token = path.startsWith("/api/token");
        check(schema(ref(token ? "#/components/schemas/OAuthError" : "#/components/schemas/SpotifyError")), error, errors);
        if (!token && error.path("error").path("status").asInt() != status) {
            errors.add("error status " + error.path("error").path("status") + " is not the HTTP status");
        }
    }

    private void checkContent(JsonNode response, String method, int status, String contentType, byte[] body,
            JsonNode problem, List<String> errors) {
        JsonNode content = response.get("content");
        if (status == 304 || method.equals("HEAD")) {
            if (body.length > 0) {
                errors.add("a " + (status == 304 ? "304" : "HEAD answer") + " must have no body");
            }
            if (content == null || status == 304) {
                return;
            }
        }
        if (content == null) {
            if (body.length > 0) {
                errors.add("documented without content but has a body");
            }
            return;
        }
        JsonNode media = content.get(contentType == null ? "" : contentType);
        if (media == null) {
            errors.add("content type " + contentType + " is not documented; documented: " + names(content));
            return;
        }
        if (method.equals("HEAD") || !contentType.endsWith("json")) {
            return; // HEAD has no body; yaml/html/js/css/png are checked by type
        }
        JsonNode value = problem != null ? problem : parse(body, errors);
        if (value != null) {
            check(schema(media.get("schema")), value, errors);
        }
    }

    /** The 405 answer the operations of a path document for the methods they are not. */
    private JsonNode methodNotAllowed(String template) {
        for (JsonNode op : doc.get("paths").get(template)) {
            if (op.has("responses") && op.get("responses").has("405")) {
                return op.get("responses").get("405");
            }
        }
        return null;
    }

    /** Documented headers are there when required and match their schemas; no other header is sent. */
    private void checkHeaders(JsonNode response, Map<String, List<String>> headers, List<String> errors) {
        JsonNode documented = response.path("headers");
        for (String name : headers.keySet()) {
            if (!TRANSPORT.contains(name) && !hasField(documented, name)) {
                errors.add("header " + name + " is sent but not documented");
            }
        }
        documented.fields().forEachRemaining(e -> {
            JsonNode header = resolve(e.getValue());
            String value = first(headers, e.getKey().toLowerCase(Locale.ROOT));
            if (value == null) {
                if (header.path("required").asBoolean()) {
                    errors.add("required header " + e.getKey() + " is missing");
                }
                return;
            }
            JsonNode schema = header.get("schema");
            JsonNode typed = schema.path("type").asText().equals("integer") && value.matches("-?[0-9]{1,18}")
                    ? JSON.getNodeFactory().numberNode(Long.parseLong(value))
                    : JSON.getNodeFactory().textNode(value);
            List<String> headerErrors = new ArrayList<>();
            check(schema(schema), typed, headerErrors);
            headerErrors.forEach(m -> errors.add("header " + e.getKey() + ": " + value + ": " + m));
        });
    }

    private void check(JsonSchema schema, JsonNode value, List<String> errors) {
        for (ValidationMessage m : schema.validate(value)) {
            errors.add(m.getMessage());
        }
    }

    /** The schema node as a standalone 2020-12 schema whose {@code #/components/...} refs resolve. */
    private JsonSchema schema(JsonNode node) {
        return schemas.computeIfAbsent(node, n -> {
            ObjectNode wrapper = n.deepCopy();
            wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            wrapper.set("components", doc.get("components"));
            URI id = URI.create("https://openapi.musicmeta.test/schema/" + schemaIds.incrementAndGet());
            return factory.getSchema(id, wrapper);
        });
    }

    private JsonNode ref(String ref) {
        return JSON.createObjectNode().put("$ref", ref);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    private JsonNode operation(String template, String method) {
        JsonNode item = doc.get("paths").get(template);
        JsonNode op = item.get(method.toLowerCase(Locale.ROOT));
        if (op == null && method.equals("HEAD")) {
            op = item.get("get"); // HEAD answers as GET does, without the body
        }
        return op;
    }

    /** The most specific template matching the path (with or without one trailing slash). */
    private PathTemplate match(String path) {
        // one trailing slash after a segment ("/health/"), not an empty segment ("//")
        String p = path.length() > 1 && path.endsWith("/") && path.charAt(path.length() - 2) != '/'
                ? path.substring(0, path.length() - 1) : path;
        PathTemplate best = null;
        for (PathTemplate t : paths) {
            if (t.pattern.matcher(p).matches() && (best == null || t.literalChars > best.literalChars)) {
                best = t;
            }
        }
        return best;
    }

    /** The {@code type} of a problem document, or "" when the body is not one. */
    private static String typeOf(byte[] body) {
        try {
            return JSON.readTree(body).path("type").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonNode parse(byte[] body, List<String> errors) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            errors.add("body is not JSON: " + e.getMessage());
            return null;
        }
    }

    private static boolean hasField(JsonNode object, String lowerCaseName) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            if (it.next().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                return true;
            }
        }
        return false;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.toString();
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}

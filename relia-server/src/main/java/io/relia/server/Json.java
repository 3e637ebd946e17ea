package io.relia.server;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * JSON in and out of the API, with Jackson 3. Bodies are read strictly: a duplicate key is refused (never "the last
 * one wins"), as is anything after the value; malformed bodies are 400s saying what was expected and where.
 */
public final class Json {

    /** The media type of every JSON answer. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** Set on a request once its answer is JSON written by the API (error pages leave such answers alone). */
    static final String ANSWERED = "relia.answered";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    public static void send(Context ctx, int status, Object body) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsString(body));
    }

    /** {@code value} as JSON text. */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Refuses (415) a request body not declared as JSON: {@code application/json}, optionally with
     * {@code charset=utf-8}. A request without a body passes.
     */
    static void requireJsonContentType(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody) {
            return;
        }
        String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
        String[] parts = type.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new ApiError(415, "the body must be JSON: send Content-Type: application/json"
                    + (media.isEmpty() ? "" : " (this request sent " + shown(media) + ")"));
        }
        for (int index = 1; index < parts.length; index++) {
            String parameter = parts[index].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8")) {
                    throw new ApiError(415, "JSON bodies are UTF-8: charset=" + shown(charset) + " is not accepted");
                }
            }
        }
    }

    /** A header value quoted back to the caller: printable ASCII, at most 60 characters. */
    private static String shown(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }

    public static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (!node.isObject()) {
                throw new ApiError(400, "the body must be a JSON object");
            }
            return node;
        } catch (JacksonException malformed) {
            throw new ApiError(400, MalformedJson.describe(malformed));
        }
    }

    public static Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new ApiError(400, "\"" + field + "\" must be a string");
        }
        return Optional.of(node.asString());
    }

    public static List<String> texts(JsonNode body, String field) {
        JsonNode node = body.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw new ApiError(400, "\"" + field + "\" must be an array of strings");
        }
        node.forEach(item -> {
            if (!item.isString()) {
                throw new ApiError(400, "\"" + field + "\" must be an array of strings");
            }
            values.add(item.asString());
        });
        return values;
    }

    public static Map<String, String> textMap(JsonNode body, String field) {
        JsonNode node = body.get(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new ApiError(400, "\"" + field + "\" must be an object of strings");
        }
        node.properties().forEach(entry -> {
            if (!entry.getValue().isString()) {
                throw new ApiError(400, "\"" + field + "." + entry.getKey() + "\" must be a string");
            }
            values.put(entry.getKey(), entry.getValue().asString());
        });
        return values;
    }

    public static boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new ApiError(400, "\"" + field + "\" must be true or false");
        }
        return node.asBoolean();
    }
}

package io.relia.server;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON in and out of the API, with Jackson 3; malformed bodies are 400s with the parser's message. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(body));
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
            throw new ApiError(400, "the body is not valid JSON: " + malformed.getOriginalMessage());
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

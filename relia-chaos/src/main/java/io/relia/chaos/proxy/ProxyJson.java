package io.relia.chaos.proxy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads API request bodies and writes API responses in Toxiproxy 2.x's JSON shapes. Wrong types are refused with
 * {@code bad request body: ...} (400) as Toxiproxy's decoder refuses them.
 */
final class ProxyJson {
    static final JsonMapper MAPPER = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProxyJson() {
    }

    static JsonNode parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("bad request body: EOF");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("bad request body: " + e.getOriginalMessage());
        }
    }

    private static JsonNode object(JsonNode node, String what) throws ApiException {
        if (!node.isObject()) {
            throw ApiException.badRequest("bad request body: expected " + what + " as a JSON object");
        }
        return node;
    }

    private static Optional<String> text(JsonNode object, String field) throws ApiException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw ApiException.badRequest("bad request body: " + field + ": expected a string");
        }
        return Optional.of(value.asString());
    }

    private static Optional<Boolean> bool(JsonNode object, String field) throws ApiException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("bad request body: " + field + ": expected true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /** The fields of a proxy create or update body; absent fields are empty. */
    record ProxyFields(Optional<String> name, Optional<String> listen, Optional<String> upstream,
                       Optional<Boolean> enabled) {
    }

    static ProxyFields proxyFields(JsonNode body) throws ApiException {
        object(body, "a proxy");
        return new ProxyFields(text(body, "name"), text(body, "listen"), text(body, "upstream"), bool(body, "enabled"));
    }

    static ProxyRegistry.ProxyRequest newProxy(JsonNode body, String where) throws ApiException {
        ProxyFields fields = proxyFields(body);
        String name = fields.name().filter(n -> !n.isEmpty())
                .orElseThrow(() -> ApiException.missingField("name" + where));
        String upstream = fields.upstream().filter(u -> !u.isEmpty())
                .orElseThrow(() -> ApiException.missingField("upstream" + where));
        return new ProxyRegistry.ProxyRequest(name, fields.listen().orElse(""), upstream,
                fields.enabled().orElse(true), mode(body));
    }

    /** Relia's {@code "mode": "tcp" | "http"}; tcp when absent, as every Toxiproxy client leaves it. */
    private static boolean mode(JsonNode body) throws ApiException {
        String mode = text(body, "mode").orElse("tcp");
        return switch (mode) {
            case "tcp" -> false;
            case "http" -> true;
            default -> throw ApiException.badRequest("bad request body: mode: expected tcp or http, got " + mode);
        };
    }

    /** A populate body: every entry is checked before anything is created. */
    static List<ProxyRegistry.ProxyRequest> populate(JsonNode body) throws ApiException {
        if (!body.isArray()) {
            throw ApiException.badRequest("bad request body: expected a JSON array of proxies");
        }
        List<ProxyRegistry.ProxyRequest> requests = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            requests.add(newProxy(body.get(i), " at proxy " + (i + 1)));
        }
        return requests;
    }

    static ToxicSpec newToxic(JsonNode body) throws ApiException {
        object(body, "a toxic");
        String streamText = text(body, "stream").orElse("downstream");
        Stream stream = Stream.parse(streamText).orElseThrow(ApiException::invalidStream);
        String typeText = text(body, "type").orElse("");
        String name = text(body, "name").filter(n -> !n.isEmpty()).orElse(typeText + "_" + streamText);
        ToxicType type = ToxicType.parse(typeText).orElseThrow(ApiException::invalidToxicType);
        double toxicity = toxicity(body).orElse(1.0);
        Map<String, Number> attributes = attributes(type, body.get("attributes"), Map.of());
        Scope scope = body.has("scope") ? scope(body.get("scope")) : Scope.ANY;
        return spec(name, type, stream, toxicity, attributes, scope);
    }

    /** An update merges the given attributes over the current ones; name, type and stream stay. */
    static ToxicSpec updatedToxic(ToxicSpec old, JsonNode body) throws ApiException {
        object(body, "a toxic");
        double toxicity = toxicity(body).orElse(old.toxicity());
        Map<String, Number> attributes = attributes(old.type(), body.get("attributes"), old.attributes());
        Scope scope = body.has("scope") ? scope(body.get("scope")) : old.scope();
        return spec(old.name(), old.type(), old.stream(), toxicity, attributes, scope);
    }

    private static ToxicSpec spec(String name, ToxicType type, Stream stream, double toxicity,
                                  Map<String, Number> attributes, Scope scope) throws ApiException {
        try {
            return new ToxicSpec(name, type, stream, toxicity, attributes, scope);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad request body: " + e.getMessage());
        }
    }

    private static Optional<Double> toxicity(JsonNode body) throws ApiException {
        JsonNode value = body.get("toxicity");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest("bad request body: toxicity: expected a number between 0 and 1, got "
                    + value);
        }
        return Optional.of(value.asDouble());
    }

    private static Map<String, Number> attributes(ToxicType type, JsonNode given, Map<String, Number> current)
            throws ApiException {
        Map<String, Number> result = new LinkedHashMap<>(current);
        if (given == null || given.isNull()) {
            return result;
        }
        object(given, "attributes");
        for (ToxicType.Attribute attribute : type.attributes()) {
            JsonNode value = given.get(attribute.name());
            if (value == null || value.isNull()) {
                continue;
            }
            // Types here; ranges where the toxic is built (ToxicSpec), so every way in is checked.
            boolean fits = attribute.isRatio() ? value.isNumber()
                    : value.isIntegralNumber() && value.canConvertToLong();
            if (!fits) {
                throw ApiException.badRequest("bad request body: attributes." + attribute.name() + ": expected "
                        + attribute.expected() + ", got " + value);
            }
            result.put(attribute.name(), attribute.isRatio() ? (Number) value.asDouble() : (Number) value.asLong());
        }
        return result;
    }

    private static Scope scope(JsonNode node) throws ApiException {
        if (node == null || node.isNull()) {
            return Scope.ANY;
        }
        object(node, "scope");
        try {
            List<Scope.Cidr> clients = new ArrayList<>();
            JsonNode list = node.get("clients");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw new IllegalArgumentException("scope.clients: expected a list of addresses");
                }
                for (JsonNode client : list) {
                    clients.add(Scope.Cidr.parse(client.asString()));
                }
            }
            return new Scope(count(node, "first"), count(node, "after"), instant(node, "from"),
                    instant(node, "until"), clients);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad request body: " + e.getMessage());
        }
    }

    private static Optional<Long> count(JsonNode scope, String field) {
        JsonNode value = scope.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new IllegalArgumentException("scope." + field + ": expected a whole number, 0 or more");
        }
        return Optional.of(value.asLong());
    }

    private static Optional<Instant> instant(JsonNode scope, String field) {
        JsonNode value = scope.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asString()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scope." + field + ": expected an RFC 3339 time such as "
                    + "2026-11-23T10:00:00Z", e);
        }
    }

    static ObjectNode toxic(Toxic toxic) {
        ToxicSpec spec = toxic.spec();
        ObjectNode node = NODES.objectNode();
        ObjectNode attributes = node.putObject("attributes");
        spec.attributes().forEach((key, value) -> {
            if (value instanceof Double d) {
                attributes.put(key, d);
            } else {
                attributes.put(key, value.longValue());
            }
        });
        node.put("name", spec.name());
        node.put("type", spec.type().wire());
        node.put("stream", spec.stream().wire());
        node.put("toxicity", (float) spec.toxicity());
        if (!spec.scope().isAny()) {
            node.set("scope", scope(spec.scope()));
        }
        return node;
    }

    private static ObjectNode scope(Scope scope) {
        ObjectNode node = NODES.objectNode();
        scope.first().ifPresent(v -> node.put("first", v));
        scope.after().ifPresent(v -> node.put("after", v));
        scope.from().ifPresent(v -> node.put("from", v.toString()));
        scope.until().ifPresent(v -> node.put("until", v.toString()));
        if (!scope.clients().isEmpty()) {
            ArrayNode clients = node.putArray("clients");
            scope.clients().forEach(c -> clients.add(c.text()));
        }
        return node;
    }

    static ArrayNode toxics(List<Toxic> toxics) {
        ArrayNode array = NODES.arrayNode();
        toxics.forEach(t -> array.add(toxic(t)));
        return array;
    }

    static ObjectNode proxy(FaultProxy proxy) {
        ObjectNode node = NODES.objectNode();
        node.put("name", proxy.name());
        node.put("listen", proxy.listen());
        node.put("upstream", proxy.upstream());
        node.put("enabled", proxy.enabled());
        node.set("toxics", toxics(proxy.toxics()));
        if (proxy.http()) {
            node.put("mode", "http");
        }
        return node;
    }

    static ArrayNode proxies(List<FaultProxy> proxies) {
        ArrayNode array = NODES.arrayNode();
        proxies.forEach(p -> array.add(proxy(p)));
        return array;
    }

    /** The answer to {@code /populate}: the proxies done, and the error that stopped it, if one did. */
    static ObjectNode populated(List<FaultProxy> done, ApiException failure) {
        ObjectNode node = failure == null ? NODES.objectNode() : error(failure.getMessage(), failure.status());
        node.set("proxies", proxies(done));
        return node;
    }

    static ObjectNode proxyIndex(List<FaultProxy> proxies) {
        ObjectNode node = NODES.objectNode();
        proxies.forEach(p -> node.set(p.name(), proxy(p)));
        return node;
    }

    static ArrayNode connections(List<ConnectionInfo> connections) {
        ArrayNode array = NODES.arrayNode();
        for (ConnectionInfo c : connections) {
            ObjectNode node = array.addObject();
            node.put("id", c.id());
            node.put("client", c.client());
            node.put("upstream_local", c.upstreamLocal());
            node.put("opened", c.opened().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
            ObjectNode bytes = node.putObject("bytes");
            bytes.put("upstream", c.upstreamBytes());
            bytes.put("downstream", c.downstreamBytes());
            ObjectNode toxics = node.putObject("toxics");
            ArrayNode up = toxics.putArray("upstream");
            c.upstreamToxics().forEach(up::add);
            ArrayNode down = toxics.putArray("downstream");
            c.downstreamToxics().forEach(down::add);
        }
        return array;
    }

    static ObjectNode error(String message, int status) {
        ObjectNode node = NODES.objectNode();
        node.put("error", message);
        node.put("status", status);
        return node;
    }
}

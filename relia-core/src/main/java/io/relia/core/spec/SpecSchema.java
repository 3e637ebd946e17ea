package io.relia.core.spec;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.relia.core.Location;
import io.relia.core.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JSON Schema (draft 2020-12) for one of Relia's native formats. The same schema files are published under
 * {@code schemas/} for editors; here they validate a located tree, and each violation becomes a {@link Problem} at
 * the line and column of the offending node. Unknown keys ({@code additionalProperties: false}) are warnings with
 * "did you mean".
 */
public final class SpecSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String name;
    private final Schema schema;
    private final JsonNode raw;

    private SpecSchema(String name, Schema schema, JsonNode raw) {
        this.name = name;
        this.schema = schema;
        this.raw = raw;
    }

    /** Loads a schema shipped on the class path under {@code /schemas/NAME.schema.json}. */
    public static SpecSchema named(String name) {
        String resource = "/schemas/" + name + ".schema.json";
        try (InputStream in = SpecSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the class path: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new SpecSchema(name, REGISTRY.getSchema(text, InputFormat.JSON),
                    tools.jackson.databind.json.JsonMapper.shared().readTree(text));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public String name() {
        return name;
    }

    /** Validates a document's root; returns located problems, sorted. */
    public List<Problem> validate(Node root) {
        List<Error> errors = schema.validate(toJson(root));
        Set<Problem> problems = new LinkedHashSet<>();
        for (Error error : errors) {
            problems.add(problem(root, error, raw));
        }
        return problems.stream().sorted().toList();
    }

    private static Problem problem(Node root, Error error, JsonNode raw) {
        Node node = find(root, error.getInstanceLocation());
        String where = describePath(error.getInstanceLocation());
        String subject = where.isEmpty() ? "the document" : "\"" + where + "\"";
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> Problem.error(node.location(),
                    "missing key \"" + error.getProperty() + "\"" + (where.isEmpty() ? "" : " in " + subject),
                    "a value for \"" + error.getProperty() + "\"", "");
            case "additionalProperties", "unevaluatedProperties" -> unknownKey(node, error, raw);
            case "type" -> Problem.error(node.location(),
                    subject + " is " + node.describe(), typeNames(error.getSchemaNode()), "");
            case "enum" -> Problem.error(node.location(),
                    subject + " has an unknown value" + valueText(node), "one of " + enumValues(error.getSchemaNode()),
                    suggest(node, error.getSchemaNode()));
            case "minItems" -> Problem.error(node.location(), subject + " has too few items",
                    "at least " + argument(error) + " item(s)", "");
            case "minLength" -> Problem.error(node.location(), subject + " is too short",
                    "at least " + argument(error) + " character(s)", "");
            case "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum" -> Problem.error(node.location(),
                    subject + " is" + (valueText(node).isEmpty() ? " out of range" : valueText(node).replace("\"", "")),
                    bound(keyword, argument(error)), "");
            case "pattern" -> Problem.error(node.location(), subject + " has the wrong form" + valueText(node),
                    "text matching " + argument(error), "");
            default -> Problem.error(node.location(),
                    subject + ": " + stripPath(error.getMessage()), "", "");
        };
    }

    private static Problem unknownKey(Node mapNode, Error error, JsonNode raw) {
        String key = error.getProperty();
        Location location = mapNode instanceof MapNode map ? map.locationOf(key) : mapNode.location();
        Set<String> known = new LinkedHashSet<>();
        JsonNode parentSchema = schemaAt(raw, error.getSchemaLocation().getFragment().getParent());
        JsonNode properties = parentSchema == null ? null : parentSchema.get("properties");
        if (properties != null) {
            known.addAll(properties.propertyNames());
        }
        String hint = Suggestions.closest(key, known).map(best -> "did you mean \"" + best + "\"?")
                .orElse(known.isEmpty() ? "" : "known keys: " + String.join(", ", known));
        String where = describePath(error.getInstanceLocation());
        return Problem.warning(location, "unknown key \"" + (where.isEmpty() ? "" : where + ".") + key + "\"", "",
                hint);
    }

    /** The schema object at a fragment path such as {@code /properties/escalation}, or null. */
    private static JsonNode schemaAt(JsonNode raw, NodePath fragment) {
        JsonNode current = raw;
        for (int i = 0; fragment != null && i < fragment.getNameCount() && current != null; i++) {
            Object element = fragment.getElement(i);
            current = element instanceof Integer index ? current.get(index) : current.get(String.valueOf(element));
        }
        return current;
    }

    private static String argument(Error error) {
        Object[] arguments = error.getArguments();
        return arguments == null || arguments.length == 0 ? "?" : String.valueOf(arguments[0]);
    }

    private static String bound(String keyword, String limit) {
        return switch (keyword) {
            case "minimum" -> "at least " + limit;
            case "exclusiveMinimum" -> "more than " + limit;
            case "maximum" -> "at most " + limit;
            default -> "less than " + limit;
        };
    }

    private static String valueText(Node node) {
        return node instanceof ScalarNode scalar ? " \"" + scalar.text() + "\"" : "";
    }

    private static String suggest(Node node, JsonNode enumNode) {
        if (node instanceof ScalarNode scalar && enumNode != null && enumNode.isArray()) {
            List<String> values = new ArrayList<>();
            enumNode.forEach(value -> values.add(value.asString()));
            return Suggestions.closest(scalar.text(), values).map(best -> "did you mean \"" + best + "\"?").orElse("");
        }
        return "";
    }

    private static String enumValues(JsonNode enumNode) {
        if (enumNode == null || !enumNode.isArray()) {
            return "the listed values";
        }
        List<String> values = new ArrayList<>();
        enumNode.forEach(value -> values.add(value.asString()));
        return String.join(", ", values);
    }

    private static String typeNames(JsonNode typeNode) {
        List<String> types = new ArrayList<>();
        if (typeNode != null && typeNode.isArray()) {
            typeNode.forEach(type -> types.add(type.asString()));
        } else if (typeNode != null) {
            types.add(typeNode.asString());
        }
        return types.stream().map(type -> switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "nothing";
            default -> type;
        }).collect(Collectors.joining(" or "));
    }

    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }

    /** {@code diagnosis_steps[0].step} for a path, empty for the root. */
    static String describePath(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }

    private static Node find(Node root, NodePath path) {
        Node current = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            Node next = null;
            if (current instanceof MapNode map && !(element instanceof Integer)) {
                next = map.get(String.valueOf(element)).orElse(null);
            } else if (current instanceof ListNode list && element instanceof Integer index && index < list.size()) {
                next = list.get(index);
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** Converts our tree to Jackson's, typing plain scalars by the YAML 1.2 core schema. */
    static JsonNode toJson(Node node) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        return switch (node) {
            case MapNode map -> {
                ObjectNode object = factory.objectNode();
                map.entries().forEach((key, entry) -> object.set(key, toJson(entry.value())));
                yield object;
            }
            case ListNode list -> {
                ArrayNode array = factory.arrayNode();
                list.items().forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case ScalarNode scalar -> switch (scalar.type()) {
                case NULL -> factory.nullNode();
                case BOOLEAN -> factory.booleanNode(scalar.asBoolean().orElse(false));
                case INTEGER, FLOAT -> scalar.asNumber().<JsonNode>map(factory::numberNode)
                        .orElse(factory.stringNode(scalar.text()));
                case STRING -> factory.stringNode(scalar.text());
            };
        };
    }
}

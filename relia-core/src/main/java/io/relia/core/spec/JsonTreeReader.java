package io.relia.core.spec;

import io.relia.core.Location;
import io.relia.core.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads strict JSON with Jackson's streaming parser into our located tree, reporting duplicate keys; the
 * {@link InputLimits} bound strings, keys, numbers and nesting.
 */
final class JsonTreeReader {

    private final Path path;
    private final List<Problem> problems;
    private final JsonParser parser;
    /** The start of the string value being read: Jackson reads a string's text after its token. */
    private Location stringAt;

    private JsonTreeReader(Path path, List<Problem> problems, JsonParser parser) {
        this.path = path;
        this.problems = problems;
        this.parser = parser;
    }

    static Optional<List<Node>> read(Path path, String text, List<Problem> problems) {
        return read(path, text, problems, false);
    }

    /** Reads JSON, or JSONC ({@code jsonc}: comments and trailing commas allowed) with the same limits. */
    static Optional<List<Node>> read(Path path, String text, List<Problem> problems, boolean jsonc) {
        JsonFactory factory = jsonc ? InputLimits.jsoncFactory() : InputLimits.jsonFactory();
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
            JsonTreeReader reader = new JsonTreeReader(path, problems, parser);
            try {
                JsonToken first = parser.nextToken();
                Node root = reader.value(first);
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    problems.add(Problem.error(reader.location(parser.currentTokenLocation()),
                            "unexpected content after the JSON value", "the end of the file",
                            "a JSON file holds one value; use YAML for several documents"));
                    return Optional.empty();
                }
                return Optional.of(List.of(root));
            } catch (StreamConstraintsException overLimit) {
                problems.add(limitProblem(overLimit, reader.stringAt, reader.location(parser.currentLocation())));
                return Optional.empty();
            }
        } catch (JacksonException syntax) {
            TokenStreamLocation where = syntax.getLocation();
            Location location = where == null ? new Location(path.toString(), 1, 1)
                    : new Location(path.toString(), Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
            problems.add(Problem.error(location, "invalid JSON: " + firstLine(syntax.getOriginalMessage()),
                    "valid JSON", ""));
            return Optional.empty();
        }
    }

    /**
     * A limit met, in our words (Jackson's message names its own classes): a long string value at its start
     * ({@code stringAt}, null unless one was being read); a key, a number or nesting where the reader stopped.
     */
    private static Problem limitProblem(StreamConstraintsException overLimit, Location stringAt, Location readTo) {
        String message = overLimit.getOriginalMessage() == null ? "" : overLimit.getOriginalMessage();
        String what;
        String expected;
        Location location = readTo;
        if (stringAt != null) {
            location = stringAt;
            what = "a string longer than " + InputLimits.MAX_SCALAR_CHARS + " characters";
            expected = "strings of at most " + InputLimits.MAX_SCALAR_CHARS + " characters";
        } else if (message.startsWith("Name length") || message.startsWith("String value length")) {
            // a key is read with its token, so a long one fails there, under either name
            what = "a key longer than " + InputLimits.MAX_SCALAR_CHARS + " characters";
            expected = "keys of at most " + InputLimits.MAX_SCALAR_CHARS + " characters";
        } else if (message.startsWith("Number value length")) {
            what = "a number longer than " + InputLimits.MAX_NUMBER_CHARS + " characters";
            expected = "numbers of at most " + InputLimits.MAX_NUMBER_CHARS + " characters";
        } else if (message.startsWith("Document nesting depth")) {
            what = "the document nests more than " + InputLimits.MAX_DEPTH + " levels deep";
            expected = "at most " + InputLimits.MAX_DEPTH + " levels";
        } else {
            what = "the document exceeds a limit of the JSON reader";
            expected = "";
        }
        return Problem.error(location, what, expected, "");
    }

    private Node value(JsonToken token) {
        Location location = location(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> object(location);
            case START_ARRAY -> array(location);
            case VALUE_STRING -> {
                stringAt = location;
                String text = parser.getString();
                stringAt = null;
                yield new ScalarNode(text, true, location);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                    new ScalarNode(parser.getString(), false, location);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private MapNode object(Location location) {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            ScalarNode key = new ScalarNode(parser.currentName(), true, location(parser.currentTokenLocation()));
            Node value = value(parser.nextToken());
            MapNode.Entry previous = entries.putIfAbsent(key.text(), new MapNode.Entry(key, value));
            if (previous != null) {
                problems.add(Problem.error(key.location(), "duplicate key \"" + key.text() + "\" (first at line "
                        + previous.key().location().line() + ")", "each key once per object", "remove one of them"));
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected JSON token " + token);
        }
        return new MapNode(entries, location);
    }

    private ListNode array(Location location) {
        List<Node> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(token));
        }
        return new ListNode(items, location);
    }

    private Location location(TokenStreamLocation where) {
        return new Location(path.toString(), Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}

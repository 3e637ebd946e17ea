package io.relia.server;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a request body that is not JSON, in the caller's terms: what was expected and where (line and
 * column, and the JSON pointer of a duplicate key), never the parser's class names or source excerpts.
 */
final class MalformedJson {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"(.*)\"");
    /** Whatever would show the parser's insides: class names, feature names, source excerpts. */
    private static final Pattern INTERNALS = Pattern.compile("`|\\[Source|jackson|java\\.|Exception|Feature");
    private static final int MAX_REASON = 160;

    private MalformedJson() {
    }

    /** The message of the 400 answer to a body the parser refused with {@code problem}. */
    static String describe(JacksonException problem) {
        String original = Optional.ofNullable(problem.getOriginalMessage()).orElse("");
        String where = where(problem.getLocation());
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "duplicate key \"" + duplicate.group(1) + "\"" + pointer(problem) + where
                    + ": a key may appear once in an object";
        }
        if (original.startsWith("Trailing token")) {
            return "the body holds more than one JSON value: something follows the object" + where;
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "the body ends before its JSON is complete" + where;
        }
        return "the body is not valid JSON" + where + ": " + reason(original);
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The JSON pointer of the duplicate key, e.g. " at /labels/team". */
    private static String pointer(JacksonException problem) {
        if (problem.processor() instanceof JsonParser parser) {
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                return " at " + pointer;
            }
        }
        return "";
    }

    /** The parser's reason without what only its authors need: character codes, markers, class names. */
    private static String reason(String original) {
        String text = original.lines().findFirst().orElse("")
                .replaceAll("\\(CTRL-CHAR, code \\d+\\)", "a control character")
                .replaceAll("\\s*\\(code -?\\d+\\)", "")
                .replaceAll("\\s*\\(start marker at \\[Source.*$", "")
                .replaceAll("\\s*at \\[Source.*$", "")
                .strip();
        if (text.isEmpty() || INTERNALS.matcher(text).find()) {
            return "unexpected input";
        }
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }
}

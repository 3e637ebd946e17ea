package io.relia.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code relia:ignore <rule-id>[,<rule-id>] -- <reason>} comment ({@code //}, {@code #} or {@code /* *\/}). It
 * hides findings of those rules on its own line and on the line below; without a reason it hides nothing.
 *
 * @param line    the 1-based line of the comment
 * @param column  the 1-based column where {@code relia:ignore} starts
 * @param ruleIds the rules it names
 * @param reason  the justification after {@code --}, or empty
 */
record InlineSuppression(int line, int column, Set<String> ruleIds, String reason) {

    static final String MARKER = "relia:ignore";
    private static final Pattern BODY = Pattern.compile("\\s+([a-z0-9/,\\s-]+?)\\s*(?:--(.*))?");

    /** The suppression on a line, if the line holds one inside a comment. */
    static Optional<InlineSuppression> parse(String text, int line) {
        int at = text.indexOf(MARKER);
        if (at < 0 || !inComment(text.substring(0, at))) {
            return Optional.empty();
        }
        String rest = text.substring(at + MARKER.length());
        int close = rest.indexOf("*/");
        if (close >= 0) {
            rest = rest.substring(0, close);
        }
        Matcher matcher = BODY.matcher(rest.stripTrailing());
        if (!matcher.matches()) {
            return Optional.of(new InlineSuppression(line, at + 1, Set.of(), ""));
        }
        Set<String> ids = Arrays.stream(matcher.group(1).split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String reason = matcher.group(2) == null ? "" : matcher.group(2).strip();
        return Optional.of(new InlineSuppression(line, at + 1, ids, reason));
    }

    private static boolean inComment(String before) {
        return before.contains("//") || before.contains("#") || before.contains("/*");
    }

    /** All suppressions in a file's lines. */
    static List<InlineSuppression> find(List<String> lines) {
        return java.util.stream.IntStream.range(0, lines.size())
                .filter(index -> lines.get(index).contains(MARKER))
                .mapToObj(index -> parse(lines.get(index), index + 1))
                .flatMap(Optional::stream)
                .toList();
    }

    boolean hasReason() {
        return !reason.isEmpty();
    }

    /** True when this comment covers a finding of {@code ruleId} on {@code findingLine}. */
    boolean covers(String ruleId, int findingLine) {
        return ruleIds.contains(ruleId) && (findingLine == line || findingLine == line + 1);
    }
}

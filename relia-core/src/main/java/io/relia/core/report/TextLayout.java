package io.relia.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Word wrapping and table column widths for text reports, in terminal columns (one per code point: Relia's text
 * has no wide characters).
 */
final class TextLayout {

    /** Narrowest a wrapped column gets; below this, words break into shreds. */
    static final int NARROWEST_COLUMN = 8;
    /** Longest word a column keeps whole when space is short: longer ones (paths, ids) break at separators. */
    static final int LONGEST_WHOLE_WORD = 24;
    /** Cells up to this wide (a date and its state, a number and its unit) are kept on one line, like a word. */
    static final int SHORT_CELL = 20;

    private TextLayout() {
    }

    /** Columns a string takes. */
    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Lines of at most {@code width} columns: breaks at spaces, and a word longer than a line after a {@code /},
     * {@code ,} or {@code :} when it can (paths, lists), else anywhere. Newlines in the text are kept.
     */
    static List<String> wrap(String text, int width) {
        return wrap(text, width, true);
    }

    /**
     * As {@link #wrap(String, int)}; with {@code breakWords} false a word longer than a line stays whole on a line of
     * its own (a path or URL must survive being copied from a terminal).
     */
    static List<String> wrap(String text, int width, boolean breakWords) {
        int limit = Math.max(1, width);
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                if (width(line.toString()) + (line.isEmpty() ? 0 : 1) + width(word) <= limit) {
                    line.append(line.isEmpty() ? "" : " ").append(word);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (breakWords && width(rest) > limit) {
                    int cut = cut(rest, limit);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Where to cut a word too long for a line: after the last separator that fits, else at the limit. */
    private static int cut(String word, int limit) {
        int end = word.offsetByCodePoints(0, limit);
        for (int i = end; i > end / 3; i--) {
            char c = word.charAt(i - 1);
            if (c == '/' || c == ',' || c == ':' || c == '-' || c == '.') {
                return i;
            }
        }
        return end;
    }

    /**
     * Column widths that fit {@code available} columns, as browsers lay out tables: every column gets what it needs
     * when all fit; otherwise each gets its minimum (its longest word) and the room left goes to the columns that
     * want more, in proportion to how much more, so prose wraps before names and paths break. When even the minimums
     * do not fit, the widest minimums shrink to an equal share, none below {@link #NARROWEST_COLUMN}; a table that
     * still does not fit is wider than asked.
     *
     * @param needs     the width each column's longest cell (or header) needs
     * @param minimums  the width below which a column breaks words, at most its need
     * @param available the columns the cells may take in all, separators excluded
     */
    static int[] fit(int[] needs, int[] minimums, int available) {
        if (Arrays.stream(needs).sum() <= available) {
            return needs.clone();
        }
        int floor = Arrays.stream(minimums).sum();
        if (floor >= available) {
            return share(minimums, available);
        }
        int[] widths = minimums.clone();
        long wanted = 0;
        for (int i = 0; i < needs.length; i++) {
            wanted += needs[i] - minimums[i];
        }
        int extra = available - floor;
        int given = 0;
        double[] remainders = new double[needs.length];
        for (int i = 0; i < needs.length; i++) {
            double share = (double) extra * (needs[i] - minimums[i]) / wanted;
            widths[i] += (int) share;
            given += (int) share;
            remainders[i] = share - (int) share;
        }
        for (int left = extra - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            widths[best]++;
            remainders[best] = -1;
        }
        return widths;
    }

    /** The widest columns shrunk to an equal share of {@code available} (max-min fairness), none below 8. */
    private static int[] share(int[] needs, int available) {
        int[] widths = needs.clone();
        Integer[] order = new Integer[needs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(needs[a], needs[b]));
        int left = available;
        for (int k = 0; k < order.length; k++) {
            int column = order[k];
            int share = left / (order.length - k);
            widths[column] = Math.max(Math.min(needs[column], NARROWEST_COLUMN), Math.min(needs[column], share));
            left -= widths[column];
        }
        return widths;
    }

    /** The widest word that names a file or address ({@code a/b.yaml:3}, {@code http://...}): it must stay whole. */
    static int longestPath(String text) {
        int longest = 0;
        for (String word : text.split("[ \n]")) {
            if (word.indexOf('/') >= 0) {
                longest = Math.max(longest, width(word));
            }
        }
        return longest;
    }

    /** The longest word of a text, in columns: where it breaks without cutting a word. */
    static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("[ \n]")) {
            longest = Math.max(longest, width(word));
        }
        return longest;
    }
}

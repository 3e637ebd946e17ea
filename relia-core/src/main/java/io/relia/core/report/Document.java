package io.relia.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a human-readable report says, independent of format: a title and blocks. Text, Markdown and HTML writers
 * render the same document, so every format shows the same facts.
 *
 * @param title  the report's title
 * @param blocks its content in order
 */
public record Document(String title, List<Block> blocks) {

    public Document {
        blocks = List.copyOf(blocks);
    }

    /** How a piece of text should look: colour in a terminal, a class in HTML. */
    public enum Tone {
        PLAIN, GOOD, WARN, BAD, MUTED
    }

    /** A part of a document. */
    public sealed interface Block permits Heading, Paragraph, BulletList, Table, StatusList, Chart, Code {
    }

    /** A heading, level 1 (a section) or 2 (a sub-section). */
    public record Heading(int level, String text) implements Block {
    }

    /** A paragraph of plain text. */
    public record Paragraph(String text, Tone tone) implements Block {
        public Paragraph(String text) {
            this(text, Tone.PLAIN);
        }
    }

    /** A list of short items. */
    public record BulletList(List<String> items) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }
    }

    /** A table; every row has as many cells as there are headers. */
    public record Table(List<String> headers, List<List<Cell>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + headers.size());
                }
            }
        }
    }

    /** A table cell. */
    public record Cell(String text, Tone tone) {
        public static Cell of(String text) {
            return new Cell(text, Tone.PLAIN);
        }
    }

    /**
     * Items with a status each (a checklist, a list of findings): status label, title, and detail lines.
     * {@code headers} name the three columns where a format lays them out as a table.
     */
    public record StatusList(List<String> headers, List<StatusItem> items) implements Block {
        public static final List<String> CHECKLIST = List.of("Status", "Item", "Evidence");

        public StatusList {
            headers = List.copyOf(headers);
            items = List.copyOf(items);
            if (headers.size() != 3) {
                throw new IllegalArgumentException("a status list has three columns: " + headers);
            }
        }

        public StatusList(List<StatusItem> items) {
            this(CHECKLIST, items);
        }
    }

    /** One item of a {@link StatusList}. */
    public record StatusItem(String status, Tone tone, String title, List<String> details) {
        public StatusItem {
            details = List.copyOf(details);
        }
    }

    /** A chart; HTML draws it as inline SVG, text and Markdown show its numbers. */
    public record Chart(ChartData data) implements Block {
    }

    /** Preformatted text (commands, snippets). */
    public record Code(String text) implements Block {
    }

    /** Builds a document block by block. */
    public static final class Builder {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        public Builder(String title) {
            this.title = title;
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder heading(int level, String text) {
            return add(new Heading(level, text));
        }

        public Builder paragraph(String text) {
            return add(new Paragraph(text));
        }

        public Document build() {
            return new Document(title, blocks);
        }
    }
}

package io.relia.core.markdown;

import io.relia.core.Location;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runbook sections of a parsed Markdown document: a heading named Meaning, Impact, Diagnosis or Mitigation (any
 * level, any case, a trailing colon allowed) opens one; the next heading of the same or a higher level closes it.
 * Deeper headings, paragraphs, list items and quotes are its prose; code blocks keep their info string's first word.
 */
record MarkdownSections(List<MarkdownRunbook.Section> sections) {

    MarkdownSections {
        sections = List.copyOf(sections);
    }

    static MarkdownSections of(Path file, Node document) {
        List<MarkdownRunbook.Section> sections = new ArrayList<>();
        MarkdownRunbook.SectionKind kind = null;
        Heading opened = null;
        List<MarkdownRunbook.Block> blocks = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                Optional<MarkdownRunbook.SectionKind> named = kind(InlineText.of(heading));
                if (named.isPresent() || opened != null && heading.getLevel() <= opened.getLevel()) {
                    if (opened != null) {
                        sections.add(new MarkdownRunbook.Section(kind, InlineText.of(opened), location(file, opened),
                                blocks));
                    }
                    kind = named.orElse(null);
                    opened = named.isPresent() ? heading : null;
                    blocks = new ArrayList<>();
                    continue;
                }
            }
            if (opened != null) {
                collect(file, node, blocks);
            }
        }
        if (opened != null) {
            sections.add(new MarkdownRunbook.Section(kind, InlineText.of(opened), location(file, opened), blocks));
        }
        return new MarkdownSections(sections);
    }

    private static Optional<MarkdownRunbook.SectionKind> kind(String heading) {
        String name = heading.strip().replaceAll("[:.]+$", "").strip().toUpperCase(Locale.ROOT);
        for (MarkdownRunbook.SectionKind kind : MarkdownRunbook.SectionKind.values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Flattens lists and quotes: each paragraph, sub-heading and code block becomes a block, in file order. */
    private static void collect(Path file, Node node, List<MarkdownRunbook.Block> blocks) {
        switch (node) {
            case FencedCodeBlock code -> blocks.add(new MarkdownRunbook.Block(code.getLiteral(),
                    Optional.of(firstWord(code.getInfo())), location(file, code)));
            case IndentedCodeBlock code -> blocks.add(new MarkdownRunbook.Block(code.getLiteral(), Optional.of(""),
                    location(file, code)));
            case Paragraph paragraph -> prose(file, paragraph, blocks);
            case Heading heading -> prose(file, heading, blocks);
            case ListBlock list -> children(file, list, blocks);
            case ListItem item -> children(file, item, blocks);
            case BlockQuote quote -> children(file, quote, blocks);
            case HtmlBlock html -> {
                // <details> and comments: layout, not instructions.
            }
            case ThematicBreak rule -> {
                // a horizontal rule separates, it says nothing
            }
            default -> {
                if (node instanceof Block) {
                    children(file, node, blocks);
                }
            }
        }
    }

    private static void children(Path file, Node parent, List<MarkdownRunbook.Block> blocks) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            collect(file, child, blocks);
        }
    }

    private static void prose(Path file, Node node, List<MarkdownRunbook.Block> blocks) {
        String text = InlineText.of(node);
        if (!text.isEmpty()) {
            blocks.add(new MarkdownRunbook.Block(text, Optional.empty(), location(file, node)));
        }
    }

    private static String firstWord(String info) {
        String trimmed = info == null ? "" : info.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).replaceAll("^\\{?\\.?|}$", "");
    }

    /** Where a block starts: its first source span, 1-based line and column. */
    static Location location(Path file, Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return Location.of(file, 1, 1);
        }
        return Location.of(file, spans.getFirst().getLineIndex() + 1, spans.getFirst().getColumnIndex() + 1);
    }
}

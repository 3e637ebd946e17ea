package io.relia.core.markdown;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.ScalarNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Markdown runbooks with commonmark-java (the CommonMark reference parser; headings inside code blocks are
 * code, not sections). Tells runbooks from the other pages of a runbook collection (section index pages, templates,
 * guides) and reports every problem of a runbook at once, located; nothing throws for bad content.
 */
public final class MarkdownRunbookReader {

    /** Names of section index pages (Hugo's {@code _index.md}, {@code index.md}, a directory's README). */
    private static final Set<String> INDEX_PAGES = Set.of("_index.md", "index.md", "readme.md");
    private static final List<String> ALERT_KEYS = List.of("alert", "alertname");

    /**
     * A Markdown runbook; or why the file is not a runbook at all (a reason such as "section index page", with no
     * problems); or the problems that kept a runbook from being read. Warnings may come with a runbook.
     */
    public record Reading(Optional<MarkdownRunbook> runbook, Optional<String> notARunbook, List<Problem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        static Reading notARunbook(String reason) {
            return new Reading(Optional.empty(), Optional.of(reason), List.of());
        }

        /** True when the file is a runbook, valid or not. */
        public boolean isRunbook() {
            return notARunbook.isEmpty();
        }
    }

    private MarkdownRunbookReader() {
    }

    /** True for a file name Markdown runbooks have ({@code .md}, {@code .markdown}). */
    public static boolean isMarkdown(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** Reads a file; I/O failures come back as problems of a runbook. */
    public static Reading read(Path file) {
        Optional<String> byName = notARunbookByName(file);
        if (byName.isPresent()) {
            return Reading.notARunbook(byName.get());
        }
        Location whole = Location.wholeFile(file);
        String text;
        try {
            byte[] bytes = InputFiles.readAllBytes(file, InputFiles.MAX_BYTES);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (RefusedFileException refused) {
            return failed(refused.problem());
        } catch (NoSuchFileException missing) {
            return failed(Problem.error(whole, "no such file", "an existing Markdown file", ""));
        } catch (CharacterCodingException notUtf8) {
            return failed(Problem.error(whole, "the file is not UTF-8", "Markdown in UTF-8", ""));
        } catch (IOException unreadable) {
            return failed(Problem.error(whole, "cannot read the file: " + unreadable.getMessage(), "", ""));
        }
        return read(file, text);
    }

    /** Reads Markdown text; {@code file} names it in locations and gives the alert its name when nothing else does. */
    public static Reading read(Path file, String text) {
        Optional<String> byName = notARunbookByName(file);
        if (byName.isPresent()) {
            return Reading.notARunbook(byName.get());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        FrontMatter front = FrontMatter.of(file, lines);
        // The front matter's lines become blank lines, so the parser's line numbers are the file's.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            body.append(i < front.lines() ? "" : lines.get(i)).append('\n');
        }
        Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        Node document = parser.parse(body.toString());
        MarkdownSections sections = MarkdownSections.of(file, document);
        Optional<Alert> fromFront = front.fields().flatMap(MarkdownRunbookReader::alert);
        if (sections.sections().isEmpty() && fromFront.isEmpty()) {
            return Reading.notARunbook("no Meaning, Impact, Diagnosis or Mitigation heading and no alert in the "
                    + "front matter");
        }
        Problems problems = new Problems();
        problems.addAll(front.problems());
        String stem = stem(file);
        Alert alert = fromFront.orElse(new Alert(stem, Location.of(file, 1, 1)));
        front.fields().ifPresent(fields -> alertProblems(fields, problems));
        Optional<Alert> title = front.fields().flatMap(fields -> text(fields, "title"))
                .or(() -> firstTitle(file, document));
        checkSections(file, sections.sections(), problems);
        if (problems.hasErrors()) {
            return new Reading(Optional.empty(), Optional.empty(), problems.sorted());
        }
        Alert shownTitle = title.orElse(alert);
        return new Reading(Optional.of(new MarkdownRunbook(file, alert.name(), alert.location(), shownTitle.name(),
                shownTitle.location(), sections.sections())), Optional.empty(), problems.sorted());
    }

    /** A name and where it is written: the alert's, or the title's. */
    private record Alert(String name, Location location) {
    }

    private static Optional<String> notARunbookByName(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (INDEX_PAGES.contains(name)) {
            return Optional.of("section index page");
        }
        // Hugo archetypes are archetypes/KIND.md or archetypes/BUNDLE/index.md: look at the two nearest folders only.
        Path parent = file.toAbsolutePath().normalize().getParent();
        for (int up = 0; up < 2 && parent != null && parent.getFileName() != null; up++, parent = parent.getParent()) {
            if (parent.getFileName().toString().equals("archetypes")) {
                return Optional.of("template (a Hugo archetype: the skeleton new pages start from)");
            }
        }
        return Optional.empty();
    }

    private static Optional<Alert> alert(MapNode fields) {
        for (String key : ALERT_KEYS) {
            Optional<Alert> alert = text(fields, key);
            if (alert.isPresent()) {
                return alert;
            }
        }
        return Optional.empty();
    }

    private static void alertProblems(MapNode fields, Problems problems) {
        for (String key : ALERT_KEYS) {
            fields.get(key).ifPresent(value -> {
                if (!(value instanceof ScalarNode scalar) || scalar.isNull() || scalar.text().isBlank()) {
                    problems.error(value.location(), "the front matter's " + key + " is "
                            + (value instanceof ListNode ? "a list" : value instanceof MapNode ? "a mapping"
                            : "blank"), "the name of the one alert this runbook answers", "one runbook per alert, "
                            + "named after it");
                }
            });
        }
    }

    private static Optional<Alert> text(MapNode fields, String key) {
        return fields.get(key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
                .filter(scalar -> !scalar.isNull() && !scalar.text().isBlank())
                .map(scalar -> new Alert(scalar.text().strip(), scalar.location()));
    }

    private static Optional<Alert> firstTitle(Path file, Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                String text = InlineText.of(heading);
                if (!text.isBlank()) {
                    return Optional.of(new Alert(text, MarkdownSections.location(file, heading)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Diagnosis and Mitigation are what a responder walks, so they must be there and not empty; Meaning and Impact
     * are expected (warnings). A second section of a kind is read after the first.
     */
    private static void checkSections(Path file, List<MarkdownRunbook.Section> sections, Problems problems) {
        Map<MarkdownRunbook.SectionKind, MarkdownRunbook.Section> first = new EnumMap<>(
                MarkdownRunbook.SectionKind.class);
        for (MarkdownRunbook.Section section : sections) {
            MarkdownRunbook.Section earlier = first.putIfAbsent(section.kind(), section);
            if (earlier != null) {
                problems.warning(section.location(), "a second " + section.kind().title() + " section (the first at "
                        + "line " + earlier.location().line() + ")", "one section of each kind", "its steps follow "
                        + "the first one's; merge the two");
            }
            boolean walked = section.kind() == MarkdownRunbook.SectionKind.DIAGNOSIS
                    || section.kind() == MarkdownRunbook.SectionKind.MITIGATION;
            if (section.blocks().isEmpty()) {
                Problem empty = walked
                        ? Problem.error(section.location(), "the " + section.kind().title() + " section is empty",
                                "what to check or do, with commands in code blocks", "")
                        : Problem.warning(section.location(), "the " + section.kind().title() + " section is empty",
                                "a few sentences", "");
                problems.add(empty);
            }
            section.blocks().stream().filter(MarkdownRunbook.Block::mayHoldOutput).forEach(block -> problems.warning(
                    block.location(), "this code block has text after a blank line: a run executes every line, "
                    + "output pasted here too", "commands only, or a terminal transcript with each command after a "
                    + "$ prompt",
                    "prefix each command with $ so only they run; until then relia runbook run asks before it, "
                    + "even under --yes"));
        }
        Location top = Location.of(file, 1, 1);
        for (MarkdownRunbook.SectionKind kind : MarkdownRunbook.SectionKind.values()) {
            if (!first.containsKey(kind)) {
                boolean walked = kind == MarkdownRunbook.SectionKind.DIAGNOSIS
                        || kind == MarkdownRunbook.SectionKind.MITIGATION;
                Problem missing = walked
                        ? Problem.error(top, "no " + kind.title() + " section", "a heading " + kind.title()
                                + " (any level) with " + (kind == MarkdownRunbook.SectionKind.DIAGNOSIS
                                ? "what to check" : "what to do"), "")
                        : Problem.warning(top, "no " + kind.title() + " section", "a heading " + kind.title(), "");
                problems.add(missing);
            }
        }
    }

    private static Reading failed(Problem problem) {
        return new Reading(Optional.empty(), Optional.empty(), List.of(problem));
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

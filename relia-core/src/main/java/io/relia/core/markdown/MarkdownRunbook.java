package io.relia.core.markdown;

import io.relia.core.Location;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A runbook written in Markdown, as read: the alert it answers, its title, and its Meaning, Impact, Diagnosis and
 * Mitigation sections with their prose and code blocks in file order. The shape of the prometheus-operator runbooks
 * (runbooks.prometheus-operator.dev): optional YAML front matter, then one heading per section.
 *
 * @param alert    the alert it answers: the front matter's {@code alert} or {@code alertname}, else the file stem
 * @param title    the front matter's {@code title}, else the first level-1 heading, else the alert
 * @param sections the runbook sections in file order (a section may appear twice)
 */
public record MarkdownRunbook(Path file, String alert, Location alertAt, String title, Location titleAt,
                             List<Section> sections) {

    /** The sections a Markdown runbook has, by their heading (any level, any case). */
    public enum SectionKind {
        MEANING, IMPACT, DIAGNOSIS, MITIGATION;

        /** {@code Diagnosis}, as the heading is usually written. */
        public String title() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One section: its heading and what follows it up to the next heading of the same or a higher level.
     *
     * @param location where its heading is
     * @param blocks   prose and code blocks in file order (sub-headings are prose)
     */
    public record Section(SectionKind kind, String heading, Location location, List<Block> blocks) {
        public Section {
            Objects.requireNonNull(kind, "kind");
            blocks = List.copyOf(blocks);
        }

        /** The section's prose, paragraph by paragraph. */
        public List<String> prose() {
            return blocks.stream().filter(block -> block.language().isEmpty()).map(Block::text).toList();
        }
    }

    /**
     * A paragraph, list item or sub-heading ({@code language} empty), or a code block ({@code language} its info
     * string's first word, "" when untagged).
     */
    public record Block(String text, Optional<String> language, Location location) {
        public Block {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
        }

        /** A fenced or indented code block. */
        public boolean isCode() {
            return language.isPresent();
        }

        /** A code block whose commands a shell runs: tagged bash, sh, shell, console, zsh, or untagged. */
        public boolean isShell() {
            return language.map(tag -> SHELLS.contains(tag.toLowerCase(Locale.ROOT))).orElse(false);
        }

        /**
         * What a shell runs for this shell block: the {@code $ }-prompted lines of a terminal transcript without the
         * output between them (a line ending in a backslash continues), else the whole block.
         */
        public Optional<String> command() {
            if (!isShell()) {
                return Optional.empty();
            }
            return Optional.of(ShellTranscript.isTranscript(text) ? ShellTranscript.commands(text) : text.strip())
                    .filter(command -> !command.isEmpty());
        }

        /**
         * True for a shell block with text after a blank line and no {@code $} prompts: often a command and its
         * output pasted together, which a run would execute line by line.
         */
        public boolean mayHoldOutput() {
            return isShell() && ShellTranscript.hasUnpromptedParts(text);
        }

        private static final List<String> SHELLS = List.of("", "bash", "sh", "shell", "console", "zsh",
                "shell-session", "shellsession");
    }

    public MarkdownRunbook {
        Objects.requireNonNull(file, "file");
        if (alert == null || alert.isBlank()) {
            throw new IllegalArgumentException("a Markdown runbook answers an alert: " + file);
        }
        sections = List.copyOf(sections);
    }

    /** The sections of one kind, in file order. */
    public List<Section> sections(SectionKind kind) {
        return sections.stream().filter(section -> section.kind() == kind).toList();
    }

    /** Every shell code block of the sections of one kind. */
    public List<Block> shellBlocks(SectionKind kind) {
        return sections(kind).stream().flatMap(section -> section.blocks().stream()).filter(Block::isShell).toList();
    }
}

package io.relia.incident.runbook;

import io.relia.core.markdown.MarkdownRunbook;
import io.relia.core.markdown.MarkdownRunbookReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Markdown runbook in the runbook model. The alert is the one it answers ({@code alerts}); the title its name;
 * Meaning its trigger; Impact its impact; Diagnosis and Mitigation its steps. Each shell code block (bash, sh,
 * shell, console or untagged) is a step whose command is the block (a transcript's {@code $} lines only), described
 * by the prose before it; prose no command follows is a step a person does; other code (PromQL, YAML) stays text.
 * Markdown states no risk, so steps have their phase's: diagnosis low, mitigation medium (asked even under --yes);
 * a block that may hold pasted output (text after a blank line, no {@code $} prompts) is medium in any phase.
 */
final class MarkdownRunbookFile {

    private MarkdownRunbookFile() {
    }

    static RunbookFile.Loaded load(Path file) {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(file);
        if (reading.notARunbook().isPresent()) {
            return new RunbookFile.Loaded(Optional.empty(), List.of(), reading.notARunbook());
        }
        return new RunbookFile.Loaded(reading.runbook().map(MarkdownRunbookFile::runbook), reading.problems());
    }

    static Runbook runbook(MarkdownRunbook markdown) {
        List<RunbookStep> steps = new ArrayList<>();
        steps.addAll(steps(markdown, MarkdownRunbook.SectionKind.DIAGNOSIS, RunbookStep.Phase.DIAGNOSIS,
                RunbookStep.Risk.LOW));
        steps.addAll(steps(markdown, MarkdownRunbook.SectionKind.MITIGATION, RunbookStep.Phase.MITIGATION,
                RunbookStep.Risk.MEDIUM));
        String trigger = String.join(" ", prose(markdown, MarkdownRunbook.SectionKind.MEANING));
        return new Runbook(markdown.title(), markdown.file(), "", "", trigger, "", "", List.of(),
                prose(markdown, MarkdownRunbook.SectionKind.IMPACT), List.of(markdown.alert()), Map.of(), steps,
                Optional.empty(), List.of());
    }

    private static List<String> prose(MarkdownRunbook markdown, MarkdownRunbook.SectionKind kind) {
        return markdown.sections(kind).stream().flatMap(section -> section.prose().stream()).toList();
    }

    private static List<RunbookStep> steps(MarkdownRunbook markdown, MarkdownRunbook.SectionKind kind,
                                           RunbookStep.Phase phase, RunbookStep.Risk risk) {
        List<RunbookStep> steps = new ArrayList<>();
        for (MarkdownRunbook.Section section : markdown.sections(kind)) {
            List<MarkdownRunbook.Block> prose = new ArrayList<>();
            for (MarkdownRunbook.Block block : section.blocks()) {
                Optional<String> command = block.command();
                if (command.isEmpty()) {
                    prose.add(block);
                    continue;
                }
                String title = prose.isEmpty() ? section.heading() : String.join(" ", prose.stream()
                        .map(MarkdownRunbookFile::text).toList());
                // Output pasted into the block would run too: ask first, even under --yes.
                RunbookStep.Risk stepRisk = block.mayHoldOutput() && risk == RunbookStep.Risk.LOW
                        ? RunbookStep.Risk.MEDIUM : risk;
                steps.add(new RunbookStep(phase, steps.size() + 1, title, command, "", stepRisk, Optional.empty(),
                        block.location()));
                prose.clear();
            }
            for (MarkdownRunbook.Block block : prose) {
                steps.add(new RunbookStep(phase, steps.size() + 1, text(block), Optional.empty(), "", risk,
                        Optional.empty(), block.location()));
            }
        }
        return steps;
    }

    /** Prose as it reads; a code block that is no command (a PromQL query) as {@code promql: the query}. */
    private static String text(MarkdownRunbook.Block block) {
        if (!block.isCode()) {
            return block.text();
        }
        String code = block.text().strip().replaceAll("\\s*\\n\\s*", " ");
        return block.language().filter(tag -> !tag.isEmpty()).map(tag -> tag + ": ").orElse("") + code;
    }
}

package io.relia.incident.postmortem;

import io.relia.core.report.Document;

import java.util.Arrays;
import java.util.List;

/**
 * The visible gap left where only the responders can write (root causes, trigger, lessons): Relia drafts from the
 * record and never guesses what people learned.
 */
final class Placeholder {

    /** Starts every placeholder, so that readers, reviewers and tests can find the gaps. */
    static final String MARK = "[To be written by the responders]";

    private Placeholder() {
    }

    /** The human text, one paragraph per blank-line-separated part, or a marked placeholder with a prompt. */
    static List<Document.Block> orText(String text, String prompt) {
        if (text.isBlank()) {
            return List.of(of(prompt));
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .<Document.Block>map(part -> new Document.Paragraph(part.strip())).toList();
    }

    static Document.Paragraph of(String prompt) {
        return new Document.Paragraph(MARK + " " + prompt, Document.Tone.WARN);
    }
}

package io.relia.chaos.review;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;
import io.relia.core.spec.InputLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An experiment's newest run, read from the journals {@code relia chaos run} writes next to it
 * ({@code journals/<file base>.<UTC time>.json}, Chaos Toolkit's journal shape; keys as in
 * {@code io.relia.chaos.run.JournalWriter#toMap}).
 *
 * @param journal      the journal file
 * @param start        when the run started (the journal's {@code start}, not the file's time)
 * @param status       how it ended: completed, failed, aborted, interrupted (or what the journal says)
 * @param deviated     the steady state was not met after (or during) the method
 * @param steadyBefore the steady state held before the method; true when the run did not check it, as for the
 *                     exit code of {@code relia chaos run}
 */
record LastRun(Path journal, Instant start, String status, boolean deviated, boolean steadyBefore,
               Optional<String> title, Optional<Instant> end) {

    /** Directory entries looked at per experiment, so a huge {@code journals/} cannot stall the review. */
    static final int MAX_ENTRIES = 10_000;
    /** Journals larger than this (bytes) are skipped with a warning rather than read into memory. */
    static final long MAX_JOURNAL_BYTES = 64L * 1024 * 1024;
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm'Z'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** Passed: completed, not deviated, and the steady state held before the method. */
    boolean passed() {
        return status.equals("completed") && !deviated && steadyBefore;
    }

    /** "passed", or "failed (status completed, deviated)". */
    String outcome() {
        if (passed()) {
            return "passed";
        }
        List<String> why = new ArrayList<>();
        why.add("status " + status);
        if (deviated) {
            why.add("deviated");
        }
        if (!steadyBefore) {
            why.add("steady state not met before");
        }
        return "failed (" + String.join(", ", why) + ")";
    }

    /**
     * The newest run of the experiment in {@code experimentFile}, by the journals' {@code start}; empty when it
     * never ran. Journals that cannot be read become warnings in {@code problems}.
     */
    static Optional<LastRun> newest(Path experimentFile, List<Problem> problems) {
        Path parent = experimentFile.getParent();
        Path directory = parent == null ? Path.of("journals") : parent.resolve("journals");
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        String base = String.valueOf(experimentFile.getFileName()).replaceFirst("\\.(ya?ml|json)$", "");
        // One dot-free segment between base and .json keeps "payments.<time>.json" apart from
        // "payments.v2.<time>.json" (the journals of payments.v2.yaml).
        Pattern ofThisExperiment = Pattern.compile(Pattern.quote(base) + "\\.[^.]+\\.json");
        List<LastRun> runs = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (++seen > MAX_ENTRIES) {
                    problems.add(Problem.warning(Location.wholeFile(directory), "more than " + MAX_ENTRIES
                            + " files in the journals folder; the review read the first " + MAX_ENTRIES, "",
                            "archive old journals"));
                    break;
                }
                if (ofThisExperiment.matcher(String.valueOf(entry.getFileName())).matches()
                        && Files.isRegularFile(entry)) {
                    read(entry, problems).ifPresent(runs::add);
                }
            }
        } catch (IOException | DirectoryIteratorException unreadable) {
            problems.add(Problem.warning(Location.wholeFile(directory), "cannot list the journals: " + unreadable,
                    "", ""));
        }
        return runs.stream().max(Comparator.comparing(LastRun::start)
                .thenComparing(run -> run.journal().toString()));
    }

    /** One journal; empty, with a warning, when it is not a journal Relia can read. */
    static Optional<LastRun> read(Path journal, List<Problem> problems) {
        JsonNode root;
        try {
            root = InputLimits.jsonMapper().readTree(InputFiles.readAllBytes(journal, MAX_JOURNAL_BYTES));
        } catch (RefusedFileException refused) {
            problems.add(Problem.warning(Location.wholeFile(journal), "journal skipped: " + refused.getMessage(),
                    "", ""));
            return Optional.empty();
        } catch (IOException | JacksonException unreadable) {
            problems.add(Problem.warning(Location.wholeFile(journal), "cannot read the journal: "
                    + unreadable.getMessage(), "a JSON journal written by relia chaos run", ""));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add(Problem.warning(Location.wholeFile(journal), "the journal is not a JSON object",
                    "a JSON journal written by relia chaos run", ""));
            return Optional.empty();
        }
        Optional<Instant> start = time(root.path("start"));
        if (start.isEmpty()) {
            problems.add(Problem.warning(Location.wholeFile(journal), "the journal has no valid start time",
                    "start: an ISO-8601 instant such as 2026-11-20T09:00:00Z", ""));
            return Optional.empty();
        }
        String status = text(root.path("status")).orElse("unknown");
        boolean deviated = flag(root.path("deviated")).orElse(false);
        JsonNode before = root.path("steady_states").path("before");
        boolean steadyBefore = !before.isObject() || flag(before.path("steady_state_met")).orElse(false);
        JsonNode experiment = root.path("experiment");
        Optional<String> title = text(experiment.path("title")).or(() -> text(experiment.path("experiment")
                .path("name")));
        return Optional.of(new LastRun(journal, start.get(), status, deviated, steadyBefore, title,
                time(root.path("end"))));
    }

    /** "last run ended 2021-05-25 18:52Z, status completed, deviated false" (the start when it has no end). */
    String summary() {
        return "last run " + end.map(time -> "ended " + WHEN.format(time)).orElse("started " + WHEN.format(start))
                + ", status " + status + ", deviated " + deviated;
    }

    /**
     * An ISO-8601 instant; chaostoolkit-lib writes {@code datetime.utcnow().isoformat()}, a UTC time without an
     * offset, which is read as UTC.
     */
    private static Optional<Instant> time(JsonNode node) {
        String text = text(node).orElse("");
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC));
            } catch (DateTimeParseException notATime) {
                return Optional.empty();
            }
        }
    }


    private static Optional<String> text(JsonNode node) {
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    private static Optional<Boolean> flag(JsonNode node) {
        return node.isBoolean() ? Optional.of(node.asBoolean()) : Optional.empty();
    }
}

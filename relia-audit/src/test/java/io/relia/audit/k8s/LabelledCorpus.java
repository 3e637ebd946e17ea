package io.relia.audit.k8s;

import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.ServiceInventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory of labelled inputs: a comment {@code expect: RULE[, RULE]} on a line says a finding of that rule must
 * point at that line ({@code expect-next:} on a comment line of its own: at the next line, for formats such as
 * {@code .properties} without trailing comments). Runs an analyzer over the directory and scores each rule: true
 * positives, false positives and false negatives by (file, line, rule), and how many files are positive and
 * negative examples of it.
 * Shared by the analyzers' corpus tests.
 */
public final class LabelledCorpus {

    private static final Pattern EXPECT = Pattern.compile("expect(?:-next)?:\\s*([a-z0-9/,\\s-]+)");

    /**
     * One expected or actual finding.
     *
     * @param file relative path
     * @param line 1-based line
     * @param rule rule ID
     */
    public record Mark(String file, int line, String rule) implements Comparable<Mark> {

        @Override
        public int compareTo(Mark other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    /**
     * The score of one rule.
     *
     * @param rule          the rule
     * @param truePositives expected and found
     * @param falsePositive found, not expected
     * @param falseNegative expected, not found
     * @param positiveFiles files with at least one expectation of the rule
     * @param negativeFiles files with no expectation and no finding of the rule
     */
    public record Score(String rule, int truePositives, List<Mark> falsePositive, List<Mark> falseNegative,
                        int positiveFiles, int negativeFiles) {

        public double precision() {
            int found = truePositives + falsePositive.size();
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        public double recall() {
            int expected = truePositives + falseNegative.size();
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        public String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f | %.2f |", rule, positiveFiles,
                    negativeFiles, truePositives, falsePositive.size(), falseNegative.size(), precision(), recall());
        }
    }

    private LabelledCorpus() {
    }

    /** Runs {@code analyzer} over {@code directory} and scores every rule of its catalogue. */
    public static List<Score> score(Path directory, AuditAnalyzer analyzer) {
        return score(directory, analyzer, analyzer.rules().stream().map(AuditRule::id).collect(
                Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * Scores only {@code rules} of {@code analyzer}: a corpus written for some of an analyzer's rules leaves the
     * others unlabelled, so their findings there mean nothing.
     */
    public static List<Score> score(Path directory, AuditAnalyzer analyzer, Set<String> rules) {
        ServiceInventory inventory = InputDiscovery.scan(directory);
        AuditContext context = new AuditContext(inventory, Set.of());
        analyzer.analyze(context);
        Set<Mark> actual = new TreeSet<>();
        for (Finding finding : context.findings()) {
            actual.add(new Mark(relative(directory, Path.of(finding.location().file())), finding.location().line(),
                    finding.ruleId()));
        }
        Set<Mark> expected = expectations(directory);
        List<String> files = files(directory).stream().map(file -> relative(directory, file)).toList();
        List<Score> scores = new ArrayList<>();
        for (String id : rules) {
            List<Mark> wanted = expected.stream().filter(mark -> mark.rule().equals(id)).toList();
            List<Mark> got = actual.stream().filter(mark -> mark.rule().equals(id)).toList();
            int truePositives = (int) got.stream().filter(wanted::contains).count();
            List<Mark> falsePositives = got.stream().filter(mark -> !wanted.contains(mark)).toList();
            List<Mark> falseNegatives = wanted.stream().filter(mark -> !got.contains(mark)).toList();
            Set<String> positive = new HashSet<>();
            wanted.forEach(mark -> positive.add(mark.file()));
            Set<String> flagged = new HashSet<>();
            got.forEach(mark -> flagged.add(mark.file()));
            int negatives = (int) files.stream().filter(file -> !positive.contains(file) && !flagged.contains(file))
                    .count();
            scores.add(new Score(id, truePositives, falsePositives, falseNegatives, positive.size(), negatives));
        }
        return scores;
    }

    /**
     * The bar every rule's score must clear: precision and recall of 0.9 or more, and at least four files that are
     * positive examples of it and four that are negative.
     */
    public static void assertEveryRuleClearsTheBar(List<Score> scores) {
        for (Score score : scores) {
            assertThat(score.precision()).as("precision of %s, false positives %s", score.rule(),
                    score.falsePositive()).isGreaterThanOrEqualTo(0.9);
            assertThat(score.recall()).as("recall of %s, false negatives %s", score.rule(), score.falseNegative())
                    .isGreaterThanOrEqualTo(0.9);
            assertThat(score.positiveFiles()).as("positive examples of %s", score.rule()).isGreaterThanOrEqualTo(4);
            assertThat(score.negativeFiles()).as("negative examples of %s", score.rule()).isGreaterThanOrEqualTo(4);
        }
    }

    /** A Markdown table of scores, for the test log. */
    public static String table(List<Score> scores) {
        StringBuilder table = new StringBuilder("| rule | positive files | negative files | TP | FP | FN | precision "
                + "| recall |\n|---|---|---|---|---|---|---|---|\n");
        scores.forEach(score -> table.append(score.row()).append('\n'));
        scores.stream().filter(score -> !score.falsePositive().isEmpty() || !score.falseNegative().isEmpty())
                .forEach(score -> table.append(score.rule()).append(": false positives ").append(score.falsePositive())
                        .append(", false negatives ").append(score.falseNegative()).append('\n'));
        return table.toString();
    }

    static Set<Mark> expectations(Path directory) {
        Set<Mark> marks = new TreeSet<>();
        for (Path file : files(directory)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher expect = EXPECT.matcher(lines.get(i));
                boolean next = lines.get(i).contains("# expect-next:");
                boolean comment = lines.get(i).contains("# expect:") || lines.get(i).contains("<!-- expect:") || next;
                if (comment && expect.find()) {
                    for (String rule : expect.group(1).split("[,\\s]+")) {
                        if (rule.contains("/")) {
                            marks.add(new Mark(relative(directory, file), next ? i + 2 : i + 1, rule.strip()));
                        }
                    }
                }
            }
        }
        return marks;
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String relative(Path directory, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return directory.toAbsolutePath().normalize().relativize(absolute).toString().replace('\\', '/');
    }
}

package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Java analyzer over the labelled corpus: every {@code // expect: <rule>} line must be found, and nothing
 * else may be reported. Precision and recall per rule must both reach 0.9.
 */
class JavaRulePrecisionTest {

    private static final Path CORPUS = Path.of("src/test/resources/java-corpus");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(.+)$");
    private static final double MINIMUM = 0.9;

    /** A rule reported (or expected) at a corpus file's line. */
    private record Hit(String rule, String file, int line) {
    }

    @Test
    void everyRuleReachesNinetyPercentPrecisionAndRecallOnTheCorpus() throws IOException {
        AuditContext context = new AuditContext(InputDiscovery.scan(CORPUS), Set.of());
        new JavaAnalyzer().analyze(context);
        Set<Hit> expected = expectations();
        Set<Hit> reported = new HashSet<>();
        for (Finding finding : context.findings()) {
            reported.add(new Hit(finding.ruleId(), relative(Path.of(finding.location().file())),
                    finding.location().line()));
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-32s %4s %4s %4s %9s %6s%n", "rule",
                "TP", "FP", "FN", "precision", "recall"));
        List<String> failures = new ArrayList<>();
        for (AuditRule rule : JavaRules.ALL) {
            long truePositives = reported.stream().filter(h -> h.rule().equals(rule.id()) && expected.contains(h))
                    .count();
            List<Hit> falsePositives = reported.stream()
                    .filter(h -> h.rule().equals(rule.id()) && !expected.contains(h)).toList();
            List<Hit> falseNegatives = expected.stream()
                    .filter(h -> h.rule().equals(rule.id()) && !reported.contains(h)).toList();
            double precision = truePositives + falsePositives.size() == 0 ? 0
                    : (double) truePositives / (truePositives + falsePositives.size());
            double recall = truePositives + falseNegatives.size() == 0 ? 0
                    : (double) truePositives / (truePositives + falseNegatives.size());
            table.append(String.format(Locale.ROOT, "%-32s %4d %4d %4d %9.2f %6.2f%n", rule.id(), truePositives,
                    falsePositives.size(), falseNegatives.size(), precision, recall));
            if (precision < MINIMUM || recall < MINIMUM) {
                failures.add(rule.id() + " false positives " + falsePositives + ", missed " + falseNegatives);
            }
        }
        System.out.print(table);
        assertThat(context.problems()).isEmpty();
        assertThat(failures).as("rules below %.1f precision or recall%n%s", MINIMUM, table).isEmpty();
    }

    @Test
    void everyRuleHasAtLeastFourTruePositiveAndFourTrueNegativeSamples() throws IOException {
        for (AuditRule rule : JavaRules.ALL) {
            Path directory = CORPUS.resolve(rule.id().replace('/', '-'));
            try (Stream<Path> files = Files.list(directory)) {
                List<String> names = files.map(file -> file.getFileName().toString()).toList();
                assertThat(names.stream().filter(name -> name.startsWith("tp-"))).as(rule.id()).hasSizeGreaterThan(3);
                assertThat(names.stream().filter(name -> name.startsWith("tn-"))).as(rule.id()).hasSizeGreaterThan(3);
            }
        }
    }

    private static Set<Hit> expectations() throws IOException {
        Set<Hit> expected = new HashSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int index = 0; index < lines.size(); index++) {
                Matcher expect = EXPECT.matcher(lines.get(index));
                if (expect.find()) {
                    for (String rule : expect.group(1).split(",")) {
                        expected.add(new Hit(rule.strip(), relative(source), index + 1));
                    }
                }
            }
        }
        return expected;
    }

    private static String relative(Path file) {
        return CORPUS.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }
}

package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.audit.TestSources;
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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Java analyzer over the labelled corpus: every {@code // expect: <rule>} line must be found, and nothing
 * else may be reported. Precision and recall per rule must both reach 0.9.
 *
 * <p>A rule whose samples are directories ({@code tp-x/}, {@code tn-y/}) is service-wide: each sample directory is
 * audited as a service of its own, with every rule on, so per-file rules see those files too. The rest of the corpus
 * is audited once as one tree, where the service-wide rules' findings mean nothing (the corpus is no service) and
 * are dropped. {@code test-code/} holds cases laid out as in a repository, for what is test code and what is not.
 * Expectations may sit in any file: {@code // expect:}, {@code # expect:} or {@code <!-- expect: -->}.
 */
class JavaRulePrecisionTest {

    private static final Path CORPUS = Path.of("src/test/resources/java-corpus");
    private static final Pattern EXPECT = Pattern.compile("(?://|#|<!--)\\s*expect:\\s*(.+?)\\s*(?:-->)?$");
    private static final double MINIMUM = 0.9;

    /** A rule reported (or expected) at a corpus file's line. */
    private record Hit(String rule, String file, int line) {
    }

    @Test
    void everyRuleReachesNinetyPercentPrecisionAndRecallOnTheCorpus() throws IOException {
        Set<String> serviceWide = serviceWideRuleDirectories();
        AuditContext context = new AuditContext(InputDiscovery.scan(CORPUS, List.copyOf(serviceWide)), Set.of());
        new JavaAnalyzer().analyze(context);
        List<AuditContext> contexts = new ArrayList<>(List.of(context));
        Set<Hit> expected = expectations();
        Set<Hit> reported = new HashSet<>();
        for (Finding finding : context.findings()) {
            if (!serviceWide.contains(finding.ruleId().replace('/', '-'))) {
                reported.add(hit(finding));
            }
        }
        for (String directory : serviceWide) {
            for (Path sample : samples(CORPUS.resolve(directory))) {
                AuditContext service = new AuditContext(InputDiscovery.scan(sample), Set.of());
                new JavaAnalyzer().analyze(service);
                service.findings().forEach(finding -> reported.add(hit(finding)));
                contexts.add(service);
            }
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
        assertThat(contexts.stream().flatMap(audited -> audited.problems().stream())).isEmpty();
        assertThat(failures).as("rules below %.1f precision or recall%n%s", MINIMUM, table).isEmpty();
    }

    /**
     * {@code test-code/} is laid out like a repository: its test sources are tricky negatives (skipped, they hold
     * nothing), its production files named like tests are positives. Audited as production, every test file there
     * must be flagged, or the negatives prove nothing.
     */
    @Test
    void everyTestSourceOfTheCorpusHoldsAFindingWhenTestsAreAudited() throws IOException {
        Path tree = CORPUS.resolve("test-code");
        AuditContext context = new AuditContext(InputDiscovery.scan(tree), Set.of(), null, true);
        new JavaAnalyzer().analyze(context);
        Set<Path> flagged = new HashSet<>();
        context.findings().forEach(finding -> flagged.add(tree.toAbsolutePath().normalize()
                .relativize(Path.of(finding.location().file()).toAbsolutePath().normalize())));
        List<Path> tests;
        try (Stream<Path> files = Files.walk(tree)) {
            tests = files.filter(Files::isRegularFile).map(tree::relativize).filter(TestSources::isTest).toList();
        }
        assertThat(tests).hasSizeGreaterThan(4);
        assertThat(tests).allSatisfy(test -> assertThat(flagged).as("findings when audited").contains(test));
    }

    @Test
    void everyRuleHasAtLeastFourTruePositiveAndFourTrueNegativeSamples() throws IOException {
        for (AuditRule rule : JavaRules.ALL) {
            Path directory = CORPUS.resolve(rule.id().replace('/', '-'));
            boolean serviceWide = serviceWideRuleDirectories().contains(directory.getFileName().toString());
            try (Stream<Path> files = Files.list(directory)) {
                List<String> names = files.filter(file -> !serviceWide || Files.isDirectory(file))
                        .map(file -> file.getFileName().toString()).toList();
                assertThat(names.stream().filter(name -> name.startsWith("tp-"))).as(rule.id()).hasSizeGreaterThan(3);
                assertThat(names.stream().filter(name -> name.startsWith("tn-"))).as(rule.id()).hasSizeGreaterThan(3);
            }
        }
    }

    private static Set<Hit> expectations() throws IOException {
        Set<Hit> expected = new HashSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            sources = files.filter(Files::isRegularFile).toList();
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

    private static Hit hit(Finding finding) {
        return new Hit(finding.ruleId(), relative(Path.of(finding.location().file())), finding.location().line());
    }

    /** The corpus directories of service-wide rules: those holding sample directories rather than files. */
    private static Set<String> serviceWideRuleDirectories() throws IOException {
        Set<String> directories = new TreeSet<>();
        try (Stream<Path> rules = Files.list(CORPUS)) {
            for (Path rule : rules.filter(Files::isDirectory).toList()) {
                if (!samples(rule).isEmpty()) {
                    directories.add(rule.getFileName().toString());
                }
            }
        }
        return directories;
    }

    /** The sample directories ({@code tp-*}, {@code tn-*}) of a rule's corpus directory, in name order. */
    private static List<Path> samples(Path ruleDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(ruleDirectory)) {
            return entries.filter(Files::isDirectory)
                    .filter(entry -> entry.getFileName().toString().matches("t[pn]-.*")).sorted().toList();
        }
    }

    private static String relative(Path file) {
        return CORPUS.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }
}

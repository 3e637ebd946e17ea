package io.relia.incident.search;

import io.relia.core.Problems;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import io.relia.incident.Incident;
import io.relia.incident.history.IncidentHistory;
import io.relia.incident.history.IncidentHistoryFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures similar-incident search on a labelled history (knowledge/incidents.yaml, families in
 * knowledge/families.yaml): precision@3 = the share of the three incidents returned for each query that belong to
 * its family, averaged over all queries. Queries use only what a responder knows before the root cause.
 */
class SimilarIncidentsEvaluationTest {

    private static final int K = 3;
    private static final double REQUIRED_PRECISION = 0.8;

    @Test
    void findsIncidentsOfTheSameFamilyWithPrecisionAt3OfAtLeast80Percent() throws Exception {
        IncidentHistory history = IncidentHistoryFile.read(resource("knowledge/incidents.yaml"));
        assertThat(history.problems()).isEmpty();
        Map<String, String> familyOf = families(resource("knowledge/families.yaml"));
        List<KnownIncident> known = new ArrayList<>();
        for (int i = 0; i < history.incidents().size(); i++) {
            Incident incident = history.incidents().get(i).incident().withId(i + 1);
            assertThat(familyOf).as("family of \"%s\"", incident.title()).containsKey(incident.title());
            known.add(new KnownIncident(incident, history.incidents().get(i).actionItems()));
        }
        assertThat(known).hasSizeGreaterThanOrEqualTo(60);
        assertThat(familyOf).hasSameSizeAs(known);

        SimilarIncidents search = SimilarIncidents.build(known);
        Map<String, double[]> perFamily = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        double total = 0;
        for (KnownIncident query : known) {
            String family = familyOf.get(query.incident().title());
            List<Match> top = search.similarTo(query.incident(), K);
            long hits = top.stream().filter(match -> family.equals(familyOf.get(match.incident().title()))).count();
            double precision = (double) hits / K;
            total += precision;
            double[] sum = perFamily.computeIfAbsent(family, name -> new double[2]);
            sum[0] += precision;
            sum[1]++;
            if (hits < K) {
                misses.append("| ").append(query.incident().title()).append(" (").append(family).append(") | ");
                top.forEach(match -> misses.append(family.equals(familyOf.get(match.incident().title())) ? "" : "**")
                        .append(match.incident().title()).append(" (").append(familyOf.get(match.incident().title()))
                        .append(')').append(family.equals(familyOf.get(match.incident().title())) ? "" : "**")
                        .append("<br>"));
                misses.append(" |\n");
            }
        }
        double mean = total / known.size();
        String report = report(mean, known.size(), perFamily, misses.toString());
        System.out.println(report);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("similar-incidents-precision.md"), report);
        assertThat(mean).as("mean precision@3").isGreaterThanOrEqualTo(REQUIRED_PRECISION);
    }

    private static String report(double mean, int queries, Map<String, double[]> perFamily, String misses) {
        StringBuilder out = new StringBuilder("# Similar incidents: precision@3\n\n")
                .append(String.format(Locale.ROOT, "Mean precision@3 over %d queries: **%.3f**%n%n", queries, mean))
                .append("| family | queries | precision@3 |\n|---|---:|---:|\n");
        perFamily.forEach((family, sum) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.3f |%n", family,
                (int) sum[1], sum[0] / sum[1])));
        out.append("\n## Misses (query → top 3; other families in bold)\n\n| query | returned |\n|---|---|\n")
                .append(misses.isEmpty() ? "| none | |\n" : misses);
        return out.toString();
    }

    /** Title to family, from {@code families: {family: [title, ...]}}. */
    private static Map<String, String> families(Path file) {
        Problems problems = new Problems();
        MapNode root = (MapNode) SpecLoader.load(file).onlyDocument("family list", problems).orElseThrow();
        assertThat(problems.sorted()).isEmpty();
        Map<String, String> familyOf = new HashMap<>();
        root.map("families").orElseThrow().entries().forEach((family, entry) -> {
            for (var title : ((ListNode) entry.value()).items()) {
                String previous = familyOf.put(((ScalarNode) title).text(), family);
                assertThat(previous).as("title listed twice: %s", ((ScalarNode) title).text()).isNull();
            }
        });
        return familyOf;
    }

    static Path resource(String name) throws URISyntaxException, IOException {
        var url = Objects.requireNonNull(SimilarIncidentsEvaluationTest.class.getResource("/" + name), name);
        return Path.of(url.toURI());
    }
}

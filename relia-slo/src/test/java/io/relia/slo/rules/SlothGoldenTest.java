package io.relia.slo.rules;

import io.relia.core.Problems;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.Slo;
import io.relia.slo.sloth.SlothReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Relia's rules equal Sloth's for every Sloth fixture (read in place from ../shared/fixtures/sloth): same groups,
 * record and alert names, labels, annotations, and expressions after normalising whitespace and numbers.
 */
class SlothGoldenTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "sloth");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?([eE][+-]?\\d+)?(?![\\w.])");

    private static List<Map<String, Object>> generate(Path spec, SlothRules.Options options) {
        io.relia.slo.SloFile file = io.relia.slo.SloSpecs.load(spec);
        assertThat(file.problems()).as("problems reading " + spec).noneMatch(io.relia.core.Problem::isError);
        List<RuleGroup> groups = new ArrayList<>();
        file.slos().forEach(slo -> groups.addAll(SlothRules.generate(slo, options)));
        String yaml = PrometheusRuleWriter.ruleFile(groups, List.of("generated for a test"));
        return normalise(SpecLoader.parse(Path.of("generated.yaml"), yaml).file().orElseThrow().documents()
                .getFirst().root());
    }

    /** The groups of every document of Sloth's output (one document per input document). */
    private static List<Map<String, Object>> expected(Path file, String version) throws IOException {
        String text = Files.readString(file).replace("{{ .version }}", version)
                .replaceAll("\\{\\{\"(\\{\\{[^}]*}})\"}}", "$1");
        List<Map<String, Object>> groups = new ArrayList<>();
        SpecLoader.parse(file, text).file().orElseThrow().documents().forEach(doc -> groups.addAll(
                normalise(doc.root())));
        return groups;
    }

    /** Groups as plain maps with normalised expressions, so a failure shows a readable diff. */
    private static List<Map<String, Object>> normalise(Node root) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Node group : ((MapNode) root).list("groups").orElseThrow().items()) {
            MapNode groupMap = (MapNode) group;
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Node rule : groupMap.list("rules").orElse(new ListNode(List.of(), groupMap.location())).items()) {
                MapNode ruleMap = (MapNode) rule;
                Map<String, Object> view = new LinkedHashMap<>();
                ruleMap.text("record").ifPresent(name -> view.put("record", name));
                ruleMap.text("alert").ifPresent(name -> view.put("alert", name));
                view.put("expr", expression(ruleMap.text("expr").orElseThrow()));
                view.put("labels", strings(ruleMap.map("labels")));
                view.put("annotations", strings(ruleMap.map("annotations")));
                ruleMap.text("for").ifPresent(duration -> view.put("for", duration));
                rules.add(view);
            }
            groups.add(Map.of("name", groupMap.text("name").orElseThrow(), "rules", rules));
        }
        return groups;
    }

    private static Map<String, String> strings(java.util.Optional<MapNode> map) {
        Map<String, String> out = new TreeMap<>();
        map.ifPresent(m -> m.entries().forEach((key, entry) -> out.put(key, ((ScalarNode) entry.value()).text())));
        return out;
    }

    static String expression(String expr) {
        Matcher numbers = NUMBER.matcher(expr.replaceAll("\\s+", " ").strip());
        StringBuilder out = new StringBuilder();
        while (numbers.find()) {
            numbers.appendReplacement(out, new BigDecimal(numbers.group()).stripTrailingZeros().toPlainString());
        }
        numbers.appendTail(out);
        return out.toString();
    }

    private static SlothRules.Options examplesGen() {
        return new SlothRules.Options(Duration.ofDays(30), Map.of("cmd", "examplesgen.sh"), "dev",
                AlertWindows.GOOGLE);
    }

    private void assertGolden(String spec, String generated) throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/sloth is absent: Sloth golden tests skipped");
        assertThat(generate(FIXTURES.resolve(spec), examplesGen()))
                .isEqualTo(expected(FIXTURES.resolve(generated), "dev"));
    }

    @Test
    void gettingStartedEqualsSloth() throws IOException {
        assertGolden("examples/getting-started.yml", "examples/_gen/getting-started.yml");
    }

    @Test
    void homeWifiWithTwoSlosEqualsSloth() throws IOException {
        assertGolden("examples/home-wifi.yml", "examples/_gen/home-wifi.yml");
    }

    @Test
    void rawSliEqualsSloth() throws IOException {
        assertGolden("examples/raw-home-wifi.yml", "examples/_gen/raw-home-wifi.yml");
    }

    @Test
    void debugPluginChainsLeaveTheRulesAsSlothWritesThem() throws IOException {
        assertGolden("examples/slo-plugin-getting-started.yml", "examples/_gen/slo-plugin-getting-started.yml");
    }

    @Test
    void aRuleChangingSloPluginIsRefusedWithItsLocation() {
        Problems problems = new Problems();
        MapNode root = (MapNode) SpecLoader.parse(Path.of("plugins.yaml"), """
                version: "prometheus/v1"
                service: "svc"
                slos:
                  - name: "requests"
                    objective: 99.9
                    plugins:
                      chain:
                        - id: "sloth.dev/core/remove_labels/v1"
                    sli:
                      raw:
                        error_ratio_query: sum(rate(errors[{{.window}}])) / sum(rate(total[{{.window}}]))
                    alerting:
                      page_alert: {disable: true}
                      ticket_alert: {disable: true}
                """).file().orElseThrow().documents().getFirst().root();

        assertThat(SlothReader.read(root, problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(problem -> {
            assertThat(problem.format()).startsWith("plugins.yaml:8:15: error: Sloth SLO plugin "
                    + "\"sloth.dev/core/remove_labels/v1\" is not supported");
        });
    }

    @Test
    void twentyEightDayPeriodWithDisabledAlertsEqualsSloth() throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/sloth is absent: Sloth golden tests skipped");
        Path testdata = FIXTURES.resolve("test/integration/prometheus/testdata");
        SlothRules.Options options = new SlothRules.Options(Duration.ofDays(28), Map.of(), "v0.16.0",
                AlertWindows.GOOGLE);
        assertThat(generate(testdata.resolve("in-base.yaml"), options))
                .isEqualTo(expected(testdata.resolve("out-base-28d.yaml.tpl"), "v0.16.0"));
    }

    /** Each PrometheusRule as its metadata (name, namespace, labels but the manager's name) and normalised groups. */
    private static List<Map<String, Object>> resources(List<io.relia.core.spec.SpecDocument> documents) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (io.relia.core.spec.SpecDocument document : documents) {
            MapNode root = (MapNode) document.root();
            MapNode metadata = root.map("metadata").orElseThrow();
            Map<String, String> labels = new TreeMap<>(strings(metadata.map("labels")));
            labels.remove("app.kubernetes.io/managed-by");
            out.add(Map.of("name", metadata.text("name").orElseThrow(),
                    "namespace", metadata.text("namespace").orElse(""), "labels", labels,
                    "groups", normalise(root.map("spec").orElseThrow())));
        }
        return out;
    }

    private static List<Map<String, Object>> generatedResources(Path spec, SlothRules.Options options) {
        io.relia.slo.SloFile file = io.relia.slo.SloSpecs.load(spec);
        assertThat(file.problems()).as("problems reading " + spec).noneMatch(io.relia.core.Problem::isError);
        String yaml = String.join("---\n", PrometheusRuleWriter.prometheusRules(file, options, List.of(), "unused"));
        return resources(SpecLoader.parse(Path.of("generated.yaml"), yaml).file().orElseThrow().documents());
    }

    private static List<Map<String, Object>> expectedResources(Path file, String version) throws IOException {
        String text = Files.readString(file).replace("{{ .version }}", version)
                .replaceAll("\\{\\{\"(\\{\\{[^}]*}})\"}}", "$1");
        return resources(SpecLoader.parse(file, text).file().orElseThrow().documents());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"k8s-getting-started.yml", "k8s-multifile.yml", "slo-plugin-k8s-getting-started.yml"})
    void kubernetesExamplesGiveSlothsPrometheusRulesOnePerInputResource(String example) throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/sloth is absent: Sloth golden tests skipped");
        assertThat(generatedResources(FIXTURES.resolve("examples").resolve(example), examplesGen()))
                .isEqualTo(expectedResources(FIXTURES.resolve("examples/_gen").resolve(example), "dev"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base-k8s", "multifile-k8s"})
    void kubernetesIntegrationExpectationsHold(String name) throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/sloth is absent: Sloth golden tests skipped");
        Path testdata = FIXTURES.resolve("test/integration/prometheus/testdata");
        SlothRules.Options options = new SlothRules.Options(Duration.ofDays(30), Map.of(), "v0.16.0",
                AlertWindows.GOOGLE);
        assertThat(generatedResources(testdata.resolve("in-" + name + ".yaml"), options))
                .isEqualTo(expectedResources(testdata.resolve("out-" + name + ".yaml.tpl"), "v0.16.0"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"multifile.yml", "kubernetes-apiserver.yml", "no-alerts.yml"})
    void moreExamplesEqualSloth(String example) throws IOException {
        assertGolden("examples/" + example, "examples/_gen/" + example);
    }

    @Test
    void customAlertWindowsForASevenDayPeriodEqualSloth() throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/sloth is absent: Sloth golden tests skipped");
        // Sloth's test reads test/integration/prometheus/windows/7d.yaml, byte for byte the k8scontroller one here.
        Problems problems = new Problems();
        Map<Duration, AlertWindows> windows = io.relia.slo.sloth.AlertWindowsReader.load(
                List.of(FIXTURES.resolve("test/integration/k8scontroller/windows/7d.yaml")), problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(windows).containsOnlyKeys(Duration.ofDays(7));
        Path testdata = FIXTURES.resolve("test/integration/prometheus/testdata");
        SlothRules.Options options = new SlothRules.Options(Duration.ofDays(7), Map.of(), "v0.16.0",
                AlertWindows.GOOGLE, windows);
        assertThat(generate(testdata.resolve("in-base.yaml"), options))
                .isEqualTo(expected(testdata.resolve("out-base-custom-windows-7d.yaml.tpl"), "v0.16.0"));
    }

    @Test
    void everyAlertWindowsExampleReads() {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/sloth is absent: Sloth golden tests skipped");
        Problems problems = new Problems();
        Map<Duration, AlertWindows> windows = io.relia.slo.sloth.AlertWindowsReader.load(List.of(
                FIXTURES.resolve("examples/windows/7d.yaml"), FIXTURES.resolve("examples/windows/custom-30d.yaml")),
                problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(windows).containsOnlyKeys(Duration.ofDays(7), Duration.ofDays(30));
        assertThat(windows.get(Duration.ofDays(30))).isNotEqualTo(AlertWindows.GOOGLE);
    }

    @Test
    void aPluginLoadedFromADirectoryIsRefusedByName() {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/sloth is absent: Sloth golden tests skipped");
        io.relia.slo.SloFile file = io.relia.slo.SloSpecs.load(
                FIXTURES.resolve("test/integration/prometheus/testdata/in-slo-plugin.yaml"));

        assertThat(file.slos()).isEmpty();
        assertThat(file.problems()).filteredOn(io.relia.core.Problem::isError).isNotEmpty().allSatisfy(problem ->
                assertThat(problem.format()).contains("Sloth SLO plugin \"integration-tests/plugin1\" is not "
                        + "supported"));
    }

    @Test
    void normalisationComparesNumbersAsNumbers() {
        assertThat(expression("max(x_rate5m{a=\"b\"} > (6.0 * 0.050))  without (w)"))
                .isEqualTo(expression("max(x_rate5m{a=\"b\"} > (6 * 0.05)) without (w)"));
    }
}

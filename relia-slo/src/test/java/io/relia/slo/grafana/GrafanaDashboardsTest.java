package io.relia.slo.grafana;

import io.relia.core.Location;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import io.relia.slo.rules.AlertWindows;
import io.relia.slo.rules.Rule;
import io.relia.slo.rules.RuleGroup;
import io.relia.slo.rules.SlothRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GrafanaDashboardsTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "checkout-service", "reliability");
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final SlothRules.Options RULES = new SlothRules.Options(PERIOD, Map.of(), "test",
            AlertWindows.GOOGLE);
    private static final GrafanaDashboards.Options OPTIONS = new GrafanaDashboards.Options(Optional.empty(),
            "Relia test");
    private static final JsonMapper JSON = JsonMapper.shared();

    /** {@code name{matchers}}: a vector selector; every one the dashboards use has matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)(=~|!=|!~|=)\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ALERT_FACTOR = Pattern.compile("> \\(([0-9.e+-]+) \\* ");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset");

    /** The example service's specs (native with custom alerts, native 003 shape, Sloth) and edge cases. */
    private static List<Slo> slos() {
        List<Slo> slos = new ArrayList<>();
        for (String spec : List.of("slos.yaml", "payments-slos.yaml", "sloth/checkout-availability.yaml")) {
            SloFile file = SloSpecs.load(EXAMPLE.resolve(spec));
            assertThat(file.hasErrors()).as(file.problems().toString()).isFalse();
            slos.addAll(file.slos());
        }
        slos.add(slo("inventory", "availability", 99.5, Optional.of(Duration.ofDays(28)), defaultAlerts("Inv")));
        slos.add(slo("inventory", "writes", 99.9, Optional.empty(), new Alerting("InventoryWrites", Map.of(),
                Map.of(), AlertTier.DEFAULT, new AlertTier(true, Map.of(), Map.of()))));
        slos.add(slo("Search Frontend", "api.v2", 99.0, Optional.empty(), Alerting.none()));
        slos.add(slo("a-service-with-a-name-far-longer-than-grafana-allows-in-a-uid", "latency", 95,
                Optional.empty(), defaultAlerts("Long")));
        return slos;
    }

    private static Alerting defaultAlerts(String name) {
        return new Alerting(name, Map.of(), Map.of(), AlertTier.DEFAULT, AlertTier.DEFAULT);
    }

    private static Slo slo(String service, String name, double objective, Optional<Duration> period,
                           Alerting alerting) {
        Sli sli = new Sli.Events("sum(rate(http_requests_total{code=~\"5..\"}[{{.window}}]))",
                "sum(rate(http_requests_total[{{.window}}]))");
        return new Slo(service, name, "", objective, period, sli, Map.of(), alerting, List.of(), "prometheus/v1",
                new Location("synthetic.yaml", 1, 1));
    }

    private static List<GrafanaDashboards.Dashboard> dashboards(List<Slo> slos, GrafanaDashboards.Options options) {
        return GrafanaDashboards.of(slos, PERIOD, AlertWindows.GOOGLE, options);
    }

    private static ObjectNode tree(GrafanaDashboards.Dashboard dashboard) {
        return (ObjectNode) JSON.readTree(dashboard.json());
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static List<String> exprs(JsonNode dashboard) {
        return panels(dashboard).stream().flatMap(panel -> stream(panel.path("targets")))
                .map(target -> target.get("expr").asString()).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    /** Record names SlothRules generates, per SLO ID, and each SLO's alert rules. */
    private static Map<String, Set<String>> recordsById(List<Slo> slos) {
        Map<String, Set<String>> records = new HashMap<>();
        for (Slo slo : slos) {
            Set<String> names = records.computeIfAbsent(slo.id(), id -> new HashSet<>());
            for (RuleGroup group : SlothRules.generate(slo, RULES)) {
                group.rules().stream().filter(Rule.Recording.class::isInstance)
                        .map(rule -> ((Rule.Recording) rule).record()).forEach(names::add);
            }
        }
        return records;
    }

    private static List<Rule.Alert> alerts(Slo slo) {
        return SlothRules.generate(slo, RULES).stream().flatMap(group -> group.rules().stream())
                .filter(Rule.Alert.class::isInstance).map(Rule.Alert.class::cast).toList();
    }

    @Test
    void writesAnOverviewAndOneDashboardPerServiceInFirstSeenOrder() {
        assertThat(dashboards(slos(), OPTIONS)).extracting(GrafanaDashboards.Dashboard::fileName).containsExactly(
                "slo-overview.json", "slo-checkout.json", "slo-payments.json", "slo-inventory.json",
                "slo-" + DashboardJson.slug("Search Frontend") + ".json",
                "slo-a-service-with-a-name-far-longer-than-grafana-allows-in-a-uid.json");
        assertThat(DashboardJson.slug("Search Frontend")).matches("search-frontend-[0-9a-f]{8}");
        assertThat(dashboards(List.of(), OPTIONS)).isEmpty();
    }

    @Test
    void everyDashboardHasTheTopLevelKeysOfGrafanasJsonModel() {
        for (GrafanaDashboards.Dashboard dashboard : dashboards(slos(), OPTIONS)) {
            ObjectNode json = tree(dashboard);
            assertThat(json.propertyNames()).as(dashboard.fileName()).contains("annotations", "description",
                    "editable", "graphTooltip", "id", "links", "panels", "refresh", "schemaVersion", "tags",
                    "templating", "time", "timepicker", "timezone", "title", "uid", "version");
            assertThat(json.get("id").isNull()).isTrue();
            assertThat(json.get("schemaVersion").asInt()).isEqualTo(41);
            assertThat(stream(json.get("tags")).map(JsonNode::asString)).containsExactly("relia", "slo");
            assertThat(json.get("time").get("from").asString()).isEqualTo("now-30d");
            assertThat(json.get("time").get("to").asString()).isEqualTo("now");
            assertThat(json.get("refresh").asString()).isEqualTo("1m");
            assertThat(json.get("uid").asString()).isEqualTo(dashboard.uid());
            assertThat(json.get("title").asString()).isEqualTo(dashboard.title());
            assertThat(json.get("panels").isArray()).isTrue();
            assertThat(json.get("panels")).isNotEmpty();
            assertThat(json.get("templating").get("list").get(0).get("type").asString()).isEqualTo("datasource");
            assertThat(json.get("templating").get("list").get(0).get("query").asString()).isEqualTo("prometheus");
        }
    }

    @Test
    void aServiceDashboardSpansTheLongestPeriodOfItsSlos() {
        JsonNode inventory = tree(dashboards(slos(), OPTIONS).get(3));
        assertThat(inventory.get("time").get("from").asString()).isEqualTo("now-30d");
        List<Slo> only28Days = slos().stream().filter(slo -> slo.id().equals("inventory-availability")).toList();
        JsonNode inventory28Days = tree(dashboards(only28Days, OPTIONS).get(1));
        assertThat(inventory28Days.get("time").get("from").asString()).isEqualTo("now-28d");
    }

    @Test
    void everyQueryingPanelUsesTheDatasourceVariableOrTheFixedUid() {
        for (GrafanaDashboards.Options options : List.of(OPTIONS,
                new GrafanaDashboards.Options(Optional.of("prom-main_1"), "Relia test"))) {
            String uid = options.datasourceUid().orElse("${datasource}");
            for (GrafanaDashboards.Dashboard dashboard : dashboards(slos(), options)) {
                JsonNode json = tree(dashboard);
                panels(json).stream().filter(panel -> !panel.get("type").asString().equals("row")).forEach(panel -> {
                    assertThat(panel.get("datasource").get("type").asString()).isEqualTo("prometheus");
                    assertThat(panel.get("datasource").get("uid").asString()).isEqualTo(uid);
                    stream(panel.get("targets")).forEach(target ->
                            assertThat(target.get("datasource").get("uid").asString()).isEqualTo(uid));
                });
                assertThat(stream(json.get("templating").get("list")).anyMatch(variable ->
                        variable.get("type").asString().equals("datasource"))).isEqualTo(options == OPTIONS);
            }
        }
    }

    @Test
    void panelIdsAreUniqueWithinEachDashboard() {
        for (GrafanaDashboards.Dashboard dashboard : dashboards(slos(), OPTIONS)) {
            List<Integer> ids = panels(tree(dashboard)).stream().map(panel -> panel.get("id").asInt()).toList();
            assertThat(ids).as(dashboard.fileName()).doesNotHaveDuplicates().allMatch(id -> id > 0);
        }
    }

    @Test
    void panelsFitTheTwentyFourColumnGridWithoutOverlapping() {
        for (GrafanaDashboards.Dashboard dashboard : dashboards(slos(), OPTIONS)) {
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode panel : panels(tree(dashboard))) {
                JsonNode grid = panel.get("gridPos");
                int[] box = {grid.get("x").asInt(), grid.get("y").asInt(), grid.get("w").asInt(),
                    grid.get("h").asInt()};
                assertThat(box[2]).as(panel.get("title").asString()).isBetween(1, 24);
                assertThat(box[0]).isGreaterThanOrEqualTo(0);
                assertThat(box[0] + box[2]).isLessThanOrEqualTo(24);
                assertThat(box[1]).isGreaterThanOrEqualTo(0);
                assertThat(box[3]).isPositive();
                for (int[] other : boxes) {
                    boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                            || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
                    assertThat(apart).as(dashboard.fileName() + ": " + panel.get("title") + " overlaps").isTrue();
                }
                boxes.add(box);
            }
        }
    }

    @Test
    void everySelectorReadsASeriesTheGeneratedRulesRecordForEachSloItSelects() {
        List<Slo> slos = slos();
        Map<String, Set<String>> records = recordsById(slos);
        Map<String, String> alertNames = new HashMap<>();
        slos.forEach(slo -> alerts(slo).forEach(alert -> alertNames.put(slo.id(), alert.alert())));
        int checked = 0;
        for (GrafanaDashboards.Dashboard dashboard : dashboards(slos, OPTIONS)) {
            JsonNode json = tree(dashboard);
            for (String expr : exprs(json)) {
                assertThat(expr).isNotBlank();
                assertThat(bareMetricNames(expr)).as("metric names without a sloth_id selector in " + expr)
                        .isEmpty();
            }
            List<String> queries = new ArrayList<>(exprs(json));
            stream(json.get("templating").get("list")).filter(variable -> variable.has("definition"))
                    .map(variable -> variable.get("definition").asString()).forEach(queries::add);
            for (String expr : queries) {
                Matcher selector = SELECTOR.matcher(expr);
                while (selector.find()) {
                    String metric = selector.group(1);
                    Map<String, String> matchers = matchers(selector.group(2));
                    Set<String> ids = ids(matchers);
                    assertThat(ids).as("SLOs selected by " + selector.group()).isNotEmpty();
                    for (String id : ids) {
                        assertThat(records).as("SLO IDs").containsKey(id);
                        if (metric.equals("ALERTS")) {
                            // the overview selects every SLO's alerts, some have none; an SLO's own lane names it
                            if (matchers.containsKey("alertname")) {
                                assertThat(matchers.get("alertname")).isEqualTo(alertNames.get(id));
                            }
                        } else {
                            assertThat(records.get(id)).as(id + " records " + metric + " (" + expr + ")")
                                    .contains(metric);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Identifiers that are neither functions, keywords, label names in clauses, nor selectors with matchers. */
    private static Set<String> bareMetricNames(String expr) {
        String rest = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        rest = SELECTOR.matcher(rest).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][\\w:]*)(\\s*\\()?").matcher(rest);
        while (identifier.find()) {
            if (identifier.group(2) == null && !KEYWORDS.contains(identifier.group(1))) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

    private static Map<String, String> matchers(String text) {
        Map<String, String> matchers = new HashMap<>();
        Matcher matcher = MATCHER.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
            matchers.put(matcher.group(1) + (matcher.group(2).equals("=~") ? "~" : ""), value);
        }
        return matchers;
    }

    /** The SLO IDs a selector's {@code sloth_id} matcher selects: one exactly, or an alternation of literals. */
    private static Set<String> ids(Map<String, String> matchers) {
        Set<String> ids = new HashSet<>();
        if (matchers.containsKey("sloth_id")) {
            ids.add(matchers.get("sloth_id"));
        }
        if (matchers.containsKey("sloth_id~")) {
            for (String alternative : matchers.get("sloth_id~").split("\\|")) {
                ids.add(alternative.replaceAll("\\\\(.)", "$1"));
            }
        }
        return ids;
    }

    @Test
    void burnRateThresholdsAreTheFactorsTheGeneratedAlertsCompareWith() {
        List<Slo> slos = slos();
        List<GrafanaDashboards.Dashboard> dashboards = dashboards(slos, OPTIONS);
        for (Slo slo : slos) {
            List<String> expected = new ArrayList<>();
            for (Rule.Alert alert : alerts(slo)) {
                String colour = alert.labels().get("sloth_severity").equals("page") ? "red" : "orange";
                // each window pair compares its short and its long window with the same factor × budget
                List<String> factors = ALERT_FACTOR.matcher(alert.expr()).results().map(match -> match.group(1))
                        .toList();
                for (int pair = 0; pair < factors.size(); pair += 2) {
                    assertThat(factors.get(pair + 1)).isEqualTo(factors.get(pair));
                    expected.add(Double.parseDouble(factors.get(pair)) + " " + colour);
                }
            }
            assertThat(thresholdLines(dashboards, slo)).as(slo.id()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void a28DaySloDrawsTheFactorsScaledToItsPeriod() {
        Slo inventory = slos().stream().filter(slo -> slo.id().equals("inventory-availability")).findFirst()
                .orElseThrow();
        Duration period = Duration.ofDays(28);
        List<String> expected = Stream.of(AlertWindows.GOOGLE.pageQuick(), AlertWindows.GOOGLE.pageSlow())
                .map(window -> window.factor(period) + " red").toList();
        assertThat(thresholdLines(dashboards(slos(), OPTIONS), inventory)).contains(expected.toArray(String[]::new))
                .contains("13.44 red", "5.6000000000000005 red", "2.8000000000000003 orange",
                        "0.9333333333333333 orange");
    }

    @Test
    void anSloWithoutAlertsHasNoThresholdLinesAndNoAlertPanel() {
        List<Slo> slos = slos();
        Slo quiet = slos.stream().filter(slo -> slo.name().equals("api.v2")).findFirst().orElseThrow();
        List<GrafanaDashboards.Dashboard> dashboards = dashboards(slos, OPTIONS);
        assertThat(thresholdLines(dashboards, quiet)).isEmpty();
        assertThat(sloPanels(dashboards, quiet)).noneMatch(panel -> panel.get("type").asString()
                .equals("state-timeline")).anyMatch(panel -> panel.get("title").asString()
                .equals("Burn rate (no alerts)"));
    }

    @Test
    void aDisabledTicketTierLeavesOnlyThePageLane() {
        List<Slo> slos = slos();
        Slo writes = slos.stream().filter(slo -> slo.id().equals("inventory-writes")).findFirst().orElseThrow();
        List<JsonNode> timelines = sloPanels(dashboards(slos, OPTIONS), writes).stream()
                .filter(panel -> panel.get("type").asString().equals("state-timeline")).toList();
        assertThat(timelines).hasSize(1);
        assertThat(stream(timelines.getFirst().get("targets")).map(target -> target.get("legendFormat").asString()))
                .containsExactly("page");
    }

    /** Panels of service dashboards whose every query selects exactly this SLO. */
    private static List<JsonNode> sloPanels(List<GrafanaDashboards.Dashboard> dashboards, Slo slo) {
        String selector = "sloth_id=\"" + PromQueries.quote(slo.id()) + "\"";
        return dashboards.stream().skip(1).flatMap(dashboard -> panels(tree(dashboard)).stream())
                .filter(panel -> panel.path("targets").size() > 0)
                .filter(panel -> stream(panel.get("targets")).allMatch(target ->
                        target.get("expr").asString().contains(selector))).toList();
    }

    /** The threshold lines of an SLO's burn-rate panels, as "value colour". */
    private static List<String> thresholdLines(List<GrafanaDashboards.Dashboard> dashboards, Slo slo) {
        List<String> lines = new ArrayList<>();
        for (JsonNode panel : sloPanels(dashboards, slo)) {
            JsonNode defaults = panel.get("fieldConfig").get("defaults");
            if (!panel.get("title").asString().startsWith("Burn rate")
                    || !defaults.get("custom").get("thresholdsStyle").get("mode").asString().equals("dashed")) {
                continue;
            }
            stream(defaults.get("thresholds").get("steps")).filter(step -> !step.get("value").isNull())
                    .forEach(step -> lines.add(step.get("value").asDouble() + " " + step.get("color").asString()));
        }
        return lines;
    }

    @Test
    void theSameSlosGiveByteIdenticalPrettyJson() {
        List<GrafanaDashboards.Dashboard> first = dashboards(slos(), OPTIONS);
        List<GrafanaDashboards.Dashboard> second = dashboards(List.copyOf(slos()), OPTIONS);
        assertThat(second).isEqualTo(first);
        for (GrafanaDashboards.Dashboard dashboard : first) {
            assertThat(dashboard.json()).startsWith("{\n  \"annotations\": {\n    \"list\": [\n      {\n")
                    .endsWith("\n}\n").doesNotContain("\r", "\t", " : ");
        }
    }

    @Test
    void uidsAreUniqueStableAndWithinGrafanasFortyCharacters() {
        List<GrafanaDashboards.Dashboard> dashboards = dashboards(slos(), OPTIONS);
        assertThat(dashboards).extracting(GrafanaDashboards.Dashboard::uid).doesNotHaveDuplicates()
                .allMatch(GrafanaDashboards::isValidUid).allMatch(uid -> uid.length() <= 40)
                .contains("relia-slo-overview", "relia-slo-checkout", "relia-slo-payments");
        assertThat(dashboards.getLast().uid()).hasSize(40).startsWith("relia-slo-a-service-with-a-name-");
    }

    @Test
    void servicesThatDifferOnlyInCaseOrPunctuationGetDifferentFiles() {
        assertThat(DashboardJson.slug("checkout")).isEqualTo("checkout");
        assertThat(DashboardJson.slug("Checkout")).startsWith("checkout-").isNotEqualTo(DashboardJson.slug("CHECKOUT"));
        assertThat(DashboardJson.slug("overview")).startsWith("overview-");
        assertThat(DashboardJson.slug("?")).matches("[0-9a-f]{8}");
    }

    @Test
    void aDatasourceUidMustBeOneGrafanaAccepts() {
        assertThat(GrafanaDashboards.isValidUid("P1809F7CD0C75ACF3")).isTrue();
        assertThat(GrafanaDashboards.isValidUid("has space")).isFalse();
        assertThat(GrafanaDashboards.isValidUid("x".repeat(41))).isFalse();
        assertThat(GrafanaDashboards.isValidUid("")).isFalse();
    }

    @Test
    void everyPanelQueryParsesWithPromtool(@TempDir Path directory) throws IOException, InterruptedException {
        Path promtool = promtool();
        Set<String> exprs = new LinkedHashSet<>();
        for (GrafanaDashboards.Dashboard dashboard : dashboards(slos(), OPTIONS)) {
            // Grafana substitutes its variables before the query reaches Prometheus; "All" is .*
            exprs(tree(dashboard)).forEach(expr -> exprs.add(expr.replace("$service", ".*")
                    .replace("$__rate_interval", "5m").replace("$__interval", "1m")));
        }
        ObjectNode file = JSON.createObjectNode();
        ObjectNode group = file.putArray("groups").addObject().put("name", "relia-dashboard-queries");
        ArrayNode rules = group.putArray("rules");
        int number = 0;
        for (String expr : exprs) {
            assertThat(expr).doesNotContain("$");
            rules.addObject().put("record", "relia:dashboard_query_" + ++number).put("expr", expr);
        }
        // JSON is YAML: promtool reads the rule file as it is.
        Path rulesFile = Files.writeString(directory.resolve("dashboard-queries.rules.yaml"),
                JSON.writeValueAsString(file), StandardCharsets.UTF_8);
        Path output = directory.resolve("promtool.out");
        Process process = new ProcessBuilder(promtool.toString(), "check", "rules", rulesFile.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished within 60 s").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String result = Files.readString(output);
        assertThat(process.exitValue()).as(result).isZero();
        assertThat(result).contains("SUCCESS: " + exprs.size() + " rules found");
    }

    /** The promtool on PATH, as the promtool tests find it; skips, loudly, where it is not installed. */
    private static Path promtool() {
        String path = System.getenv("PATH");
        Optional<Path> found = path == null ? Optional.empty() : Stream.of(path.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(entry -> Path.of(entry, "promtool"))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate)).findFirst();
        assumeTrue(found.isPresent(), "promtool not installed: dashboard query check skipped; "
                + "run ./run-tests as root or apt-get install prometheus");
        return found.orElseThrow();
    }
}

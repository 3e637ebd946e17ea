package io.relia.audit.prometheus;

import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeIntervalsTest {

    private static final String RULES = "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n";

    @TempDir
    Path root;

    private ScrapeIntervals.Basis basis(String ruleFile, String... jobs) throws IOException {
        Path rules = root.resolve(ruleFile);
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, RULES);
        return ScrapeIntervals.of(InputDiscovery.scan(root)).forCall(rules, Set.of(jobs));
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void assumesPrometheusDefaultOfOneMinuteAndSaysSoWithoutAScrapeConfig() throws IOException {
        ScrapeIntervals.Basis basis = basis("alerts.yaml");
        assertThat(basis.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(basis.reason()).isEqualTo("scrape interval assumed 60 s (Prometheus' default; no scrape config "
                + "found in the tree)");
    }

    @Test
    void readsTheGlobalScrapeIntervalOfPrometheusYmlAndSaysWhere() throws IOException {
        write("monitoring/prometheus.yml", "global:\n  scrape_interval: 15s\n");
        ScrapeIntervals.Basis basis = basis("monitoring/rules/alerts.yaml");
        assertThat(basis.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(basis.reason()).contains("15 s", "global.scrape_interval", "monitoring/prometheus.yml:2");
    }

    @Test
    void aPrometheusYmlWithoutGlobalIntervalMeansPrometheusDefault() throws IOException {
        write("prometheus.yml", "scrape_configs:\n  - job_name: api\n    static_configs: [{targets: [a:1]}]\n");
        assertThat(basis("alerts.yaml", "other").interval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theIntervalOfTheJobTheRateReadsApplies() throws IOException {
        write("prometheus.yml", "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: batch\n"
                + "    scrape_interval: 2m\n");
        ScrapeIntervals.Basis batch = basis("alerts.yaml", "batch");
        assertThat(batch.interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(batch.reason()).startsWith("job batch is scraped every 120 s");
    }

    @Test
    void withSeveralIntervalsAndNoJobTheShortestAppliesAndTheReasonSaysSo() throws IOException {
        write("prometheus.yml", "global:\n  scrape_interval: 1m\nscrape_configs:\n  - job_name: fast\n"
                + "    scrape_interval: 10s\n");
        ScrapeIntervals.Basis basis = basis("alerts.yaml");
        assertThat(basis.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(basis.reason()).contains("the shortest of 2 found", "the expression names no job");
        assertThat(basis("alerts.yaml", "unknown").reason()).contains("no scrape config names job unknown");
    }

    @Test
    void aServiceMonitorEndpointIntervalAppliesToTheJobItsJobLabelNames() throws IOException {
        write("manifests/sm.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n"
                + "  name: kube-apiserver\nspec:\n  jobLabel: component\n  selector:\n    matchLabels:\n"
                + "      component: apiserver\n  endpoints:\n    - port: https\n      interval: 20s\n");
        write("manifests/prom.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n"
                + "  name: k8s\nspec:\n  scrapeInterval: 10s\n");
        ScrapeIntervals.Basis basis = basis("manifests/rules.yaml", "apiserver");
        assertThat(basis.interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(basis.reason()).contains("job apiserver", "ServiceMonitor kube-apiserver", "manifests/sm.yaml:12");
    }

    @Test
    void aServiceMonitorJobIsTheNameOfTheServiceItSelects() throws IOException {
        write("k8s/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: checkout-metrics\n  labels:\n"
                + "    app: checkout\nspec:\n  ports: [{port: 9090}]\n");
        write("k8s/sm.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n"
                + "  name: checkout\nspec:\n  selector:\n    matchLabels:\n      app: checkout\n  endpoints:\n"
                + "    - port: metrics\n      interval: 45s\n");
        assertThat(basis("k8s/rules.yaml", "checkout-metrics").interval()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void anEndpointWithoutIntervalTakesThePrometheusResourcesOrTheOperatorDefault() throws IOException {
        write("k8s/pm.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: worker\n"
                + "  namespace: jobs\nspec:\n  podMetricsEndpoints:\n    - port: metrics\n");
        assertThat(basis("k8s/rules.yaml", "jobs/worker").interval()).isEqualTo(Duration.ofSeconds(30));
        write("k8s/prom.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: main\n"
                + "spec:\n  scrapeInterval: 1m\n");
        assertThat(basis("k8s/rules.yaml", "jobs/worker").interval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aPrometheusResourceWithoutScrapeIntervalScrapesEveryThirtySeconds() throws IOException {
        write("k8s/prom.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: k8s\n"
                + "spec:\n  replicas: 2\n");
        ScrapeIntervals.Basis basis = basis("k8s/rules.yaml");
        assertThat(basis.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(basis.reason()).contains("prometheus-operator's default");
    }

    @Test
    void aPrometheusYmlThatLoadsOtherRuleFilesIsAnotherPrometheus() throws IOException {
        write("edge/prometheus.yml", "global:\n  scrape_interval: 5s\nrule_files:\n  - edge-rules/*.yml\n");
        assertThat(basis("core/alerts.yaml").interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(basis("edge/edge-rules/alerts.yml").interval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRuleFilesGlobInsideTheContainerMatchesByFileName() throws IOException {
        write("prometheus/prometheus.yml", "global:\n  scrape_interval: 20s\nrule_files:\n"
                + "  - /etc/prometheus/alert.rules.yml\n");
        assertThat(basis("rules/alert.rules.yml").interval()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theNearestDirectoryWithAScrapeConfigWins() throws IOException {
        write("services/a/prometheus.yml", "global:\n  scrape_interval: 10s\n");
        write("services/b/prometheus.yml", "global:\n  scrape_interval: 90s\n");
        assertThat(basis("services/b/rules/alerts.yaml").interval()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aPrometheusYmlInAConfigMapCounts() throws IOException {
        write("deploy/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prometheus-config\ndata:\n"
                + "  prometheus.yml: |\n    global:\n      scrape_interval: 20s\n");
        ScrapeIntervals.Basis basis = basis("deploy/rules.yaml");
        assertThat(basis.interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(basis.reason()).contains("ConfigMap prometheus-config", "deploy/cm.yaml:6");
    }

    @Test
    void aScrapeIntervalThatIsNoDurationIsAProblemNotASilentDefault() throws IOException {
        write("prometheus.yml", "global:\n  scrape_interval: often\n");
        Files.writeString(root.resolve("alerts.yaml"), RULES);
        ScrapeIntervals intervals = ScrapeIntervals.of(InputDiscovery.scan(root));
        assertThat(intervals.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location().line()).isEqualTo(2);
            assertThat(problem.message()).contains("scrape_interval", "\"often\" is not a duration");
        });
    }

    @Test
    void aPrometheusYmlThatDoesNotParseIsAProblem() throws IOException {
        write("prometheus.yml", "global:\n  scrape_interval: [15s\n");
        Files.writeString(root.resolve("alerts.yaml"), RULES);
        assertThat(ScrapeIntervals.of(InputDiscovery.scan(root)).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("prometheus.yml could not be read"));
    }

    @Test
    void aPrometheusYmlTheAuditExcludesDoesNotCount() throws IOException {
        write("vendor/prometheus.yml", "global:\n  scrape_interval: 5s\n");
        Files.writeString(root.resolve("alerts.yaml"), RULES);
        ScrapeIntervals intervals = ScrapeIntervals.of(InputDiscovery.scan(root, List.of("vendor/**")));
        assertThat(intervals.forCall(root.resolve("alerts.yaml"), Set.of()).interval())
                .isEqualTo(Duration.ofMinutes(1));
    }
}

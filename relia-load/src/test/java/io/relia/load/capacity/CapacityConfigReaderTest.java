package io.relia.load.capacity;

import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityConfigReaderTest {

    @TempDir
    Path directory;

    private CapacityConfigReader.Loaded read(String yaml) throws IOException {
        return CapacityConfigReader.read(Files.writeString(directory.resolve("capacity.yaml"), yaml));
    }

    @Test
    void readsEveryKeyOfAPlan() throws IOException {
        Files.writeString(directory.resolve("find-max.json"), "{\"knee\": {\"rate\": 250.5}, \"slo\": \"p99\"}");
        CapacityConfig config = read("""
                service: checkout
                horizon: 60d
                target_utilization: 60%
                level: 90%
                headroom: {peak_multiplier: 2, stress_multiplier: 5}
                growth: {monthly: 20%}
                resources:
                  - name: requests
                    kind: compute
                    unit: req/s
                    data: usage.csv
                    instances: 2
                    per_instance: {find_max: find-max.json}
                    unit_cost: {amount: 120, currency: EUR}
                  - name: connections
                    kind: database_connections
                    capacity: 500
                    prometheus: {query: 'sum(pg_stat_activity_count)', range: 30d, step: 5m}
                events:
                  - {name: launch, from: 2026-12-01, until: "2026-12-08T00:00:00Z", multiplier: 2, resources: [requests]}
                """).config().orElseThrow();
        assertThat(config.horizon()).isEqualTo(Duration.ofDays(60));
        assertThat(config.targetUtilization()).isEqualTo(0.6);
        assertThat(config.level()).isEqualTo(0.9);
        assertThat(config.headroom()).isEqualTo(new CapacityConfig.Headroom(2, 5));
        assertThat(config.monthlyGrowth()).hasValue(0.2);
        CapacityConfig.Resource requests = config.resources().getFirst();
        assertThat(requests.perInstance()).hasValue(250.5);
        assertThat(requests.capacity()).hasValue(501);
        assertThat(requests.unitCost()).contains(new CapacityConfig.Cost(120, "EUR"));
        assertThat(requests.source()).isEqualTo(new CapacityConfig.CsvSource(directory.resolve("usage.csv")));
        CapacityConfig.Resource connections = config.resources().get(1);
        assertThat(connections.kind()).isEqualTo(CapacityConfig.Kind.DATABASE_CONNECTIONS);
        assertThat(connections.source()).isInstanceOfSatisfying(CapacityConfig.PrometheusSource.class, source ->
                assertThat(source.step()).isEqualTo(Duration.ofMinutes(5)));
        assertThat(config.events().getFirst().from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(config.events().getFirst().until()).contains(Instant.parse("2026-12-08T00:00:00Z"));
    }

    @Test
    void defaultsAreNinetyDaysSeventyPercentAndThreeAndTenTimesThePeak() throws IOException {
        CapacityConfig config = read("resources: [{name: api, data: usage.csv, capacity: 100}]\n").config()
                .orElseThrow();
        assertThat(config.horizon()).isEqualTo(Duration.ofDays(90));
        assertThat(config.targetUtilization()).isEqualTo(0.7);
        assertThat(config.headroom()).isEqualTo(CapacityConfig.Headroom.DEFAULT);
        assertThat(config.monthlyGrowth()).isEmpty();
    }

    @Test
    void reportsEveryMistakeAtItsLineAndColumn() throws IOException {
        CapacityConfigReader.Loaded loaded = read("""
                horizon: 9q
                resources:
                  - name: api
                    data: usage.csv
                    instanse: 2
                  - name: db
                events:
                  - {name: launch, from: 2026-12-01, multiplier: 2, resources: [apo]}
                """);
        assertThat(loaded.config()).isEmpty();
        assertThat(loaded.problems()).extracting(Problem::format).anySatisfy(line -> assertThat(line)
                .contains("capacity.yaml:1:10: error: \"9q\" is not a duration"));
        assertThat(loaded.problems()).extracting(Problem::format).anySatisfy(line -> assertThat(line)
                .contains("capacity.yaml:5:5: warning", "instanse", "did you mean \"instances\"?"));
    }

    @Test
    void aResourceNeedsExactlyOneHistoryAndEventsNameKnownResources() throws IOException {
        CapacityConfigReader.Loaded loaded = read("""
                resources:
                  - name: api
                    data: usage.csv
                  - name: db
                    capacity: 10
                events:
                  - {name: launch, from: 2026-12-01, multiplier: 2, resources: [apo]}
                """);
        assertThat(loaded.problems()).extracting(Problem::format).containsExactly(
                loaded.problems().getFirst().location().file() + ":4:5: error: resource \"db\" has no usage history; "
                        + "expected data: FILE.csv or prometheus: {query, range, step}",
                loaded.problems().getFirst().location().file() + ":7:65: error: event \"launch\" names resource "
                        + "\"apo\", which the plan does not have; expected api (hint: did you mean \"api\"?)");
    }

    @Test
    void aFindMaxResultWithoutAKneeIsAnErrorAtThePlansLine() throws IOException {
        Files.writeString(directory.resolve("find-max.json"), "{\"slo\": \"p99 < 500ms\"}");
        CapacityConfigReader.Loaded loaded = read("resources:\n  - name: api\n    data: usage.csv\n"
                + "    instances: 1\n    per_instance: {find_max: find-max.json}\n");
        assertThat(loaded.problems()).singleElement().extracting(Problem::format).asString()
                .contains("capacity.yaml:5:30: error: per_instance.find_max: no knee in the find-max result (",
                        "find-max.json:1:1)");
    }

    @Test
    void parsesEventAndGrowthFlags() {
        assertThat(CapacityValues.event("launch:2026-12-01:x2").orThrow().multiplier()).isEqualTo(2);
        assertThat(CapacityValues.event("launch:2026-12-01:1.5").orThrow().name()).isEqualTo("launch");
        assertThat(CapacityValues.event("launch-2026-12-01").isOk()).isFalse();
        assertThat(CapacityValues.monthlyGrowth("20%/month").orThrow()).isEqualTo(0.2);
        assertThat(CapacityValues.monthlyGrowth("0.05").orThrow()).isEqualTo(0.05);
        assertThat(CapacityValues.monthlyGrowth("fast").isOk()).isFalse();
    }
}

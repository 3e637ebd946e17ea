package io.relia.incident;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.notify.NotificationTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** incidents.yaml: policy, alert intake rules and notification targets, with located errors. */
class IncidentPolicyFileTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("incidents.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<String> problems(String yaml, Map<String, String> environment) throws IOException {
        Path file = write(yaml);
        InputException failure = catchThrowableOfType(InputException.class,
                () -> IncidentPolicyFile.loadSettings(file, environment));
        assertThat(failure).as("expected problems in:%n%s", yaml).isNotNull();
        return failure.problems().stream().map(Problem::format).toList();
    }

    @Test
    void readsIntakeRulesAndNotificationTargets() throws IOException {
        Path file = write("""
                response_targets: {SEV2: 10m}
                intake:
                  group_by: [team, cluster]
                  window: 30m
                  severity:
                    label: priority
                    map: {urgent: SEV1, high: SEV2}
                    default: SEV4
                notifications:
                  - name: ops-chat
                    type: slack
                    url_env: SLACK_URL
                    events: [opened, resolved]
                    min_severity: SEV2
                  - name: audit
                    type: webhook
                    url: https://hooks.example/relia
                    secret_env: HOOK_SECRET
                """);

        IncidentSettings settings = IncidentPolicyFile.loadSettings(file, Map.of(
                "SLACK_URL", "https://hooks.slack.com/services/T0/B0/secret", "HOOK_SECRET", "s3cret"));

        assertThat(settings.policy().responseTargets()).containsEntry(IncidentSeverity.SEV2, Duration.ofMinutes(10));
        IntakeRules intake = settings.intake();
        assertThat(intake.groupBy()).containsExactly("team", "cluster");
        assertThat(intake.window()).isEqualTo(Duration.ofMinutes(30));
        assertThat(intake.severity(Map.of("priority", "URGENT"))).isEqualTo(IncidentSeverity.SEV1);
        assertThat(intake.severity(Map.of("priority", "meh"))).isEqualTo(IncidentSeverity.SEV4);
        assertThat(intake.severity(Map.of("severity", "critical"))).isEqualTo(IncidentSeverity.SEV4);
        assertThat(intake.groupKey(Map.of("cluster", "eu-1", "team", "pay"))).isEqualTo("team=pay,cluster=eu-1");
        assertThat(settings.notifications()).hasSize(2);
        NotificationTarget chat = settings.notifications().get(0);
        assertThat(chat.kind()).isEqualTo(NotificationTarget.Kind.SLACK);
        assertThat(chat.url().getHost()).isEqualTo("hooks.slack.com");
        assertThat(chat.wants(NotificationTarget.Event.OPENED, IncidentSeverity.SEV1)).isTrue();
        assertThat(chat.wants(NotificationTarget.Event.OPENED, IncidentSeverity.SEV3)).isFalse();
        assertThat(chat.wants(NotificationTarget.Event.TARGET_BREACHED, IncidentSeverity.SEV1)).isFalse();
        NotificationTarget audit = settings.notifications().get(1);
        assertThat(audit.secret()).contains("s3cret");
        assertThat(audit.events()).containsExactlyInAnyOrder(NotificationTarget.Event.values());
    }

    @Test
    void withoutTheSectionsTheDefaultsApply() throws IOException {
        IncidentSettings settings = IncidentPolicyFile.loadSettings(write("postmortem: {within: 24h}\n"), Map.of());

        assertThat(settings.intake()).isEqualTo(IntakeRules.DEFAULT);
        assertThat(settings.notifications()).isEmpty();
        assertThat(IntakeRules.DEFAULT.severity(Map.of("severity", "critical"))).isEqualTo(IncidentSeverity.SEV2);
        assertThat(IntakeRules.DEFAULT.severity(Map.of("severity", "warning"))).isEqualTo(IncidentSeverity.SEV3);
        assertThat(IntakeRules.DEFAULT.severity(Map.of())).isEqualTo(IncidentSeverity.SEV3);
        assertThat(IntakeRules.DEFAULT.groupKey(Map.of("alertname", "X"))).isEqualTo("alertname=X");
    }

    @Test
    void schemaMistakesAreLocated() throws IOException {
        List<String> problems = problems("""
                intake:
                  severity: {map: {critical: SEV9}}
                notifications:
                  - name: chat
                    type: discord
                    url: https://x
                """, Map.of());

        assertThat(problems).anySatisfy(line -> assertThat(line).contains("incidents.yaml:2:").contains("SEV9"));
        assertThat(problems).anySatisfy(line -> assertThat(line).contains("incidents.yaml:5:").contains("discord"));
    }

    @Test
    void valueMistakesAreLocatedAndSecretsNeverEchoed() throws IOException {
        List<String> problems = problems("""
                intake:
                  window: soon
                notifications:
                  - name: hook
                    type: webhook
                    url_env: MISSING_URL
                  - name: bad
                    type: teams
                    url: "ftp://user:hunter2@example"
                  - name: dup
                    type: slack
                    url: https://hooks.example/x
                  - name: dup
                    type: mattermost
                    url: https://chat.example/hooks/y
                """, Map.of());

        assertThat(problems).anySatisfy(line -> assertThat(line).contains("incidents.yaml:2:").contains("soon"));
        assertThat(problems).anySatisfy(line -> assertThat(line).contains("incidents.yaml:6:")
                .contains("MISSING_URL is not set"));
        assertThat(problems).anySatisfy(line -> assertThat(line).contains("incidents.yaml:9:")
                .contains("\"bad\" has a URL that is not an http(s) URL"));
        assertThat(problems).anySatisfy(line -> assertThat(line)
                .contains("two notification targets are named \"dup\""));
        assertThat(String.join("\n", problems)).doesNotContain("hunter2");
    }

    @Test
    void readsTheNamesTheServerAnswersTo() throws IOException {
        IncidentSettings settings = IncidentPolicyFile.loadSettings(write("""
                server:
                  allowed_hosts: [relia.internal, "relia.example.com:8443"]
                """), Map.of());

        assertThat(settings.allowedHosts()).containsExactly("relia.internal", "relia.example.com:8443");
        assertThat(IncidentPolicyFile.loadSettings(write("postmortem: {within: 24h}\n"), Map.of()).allowedHosts())
                .isEmpty();
    }

    @Test
    void allowedHostsThatAreNotAListAreLocated() throws IOException {
        List<String> problems = problems("""
                server:
                  allowed_hosts: relia.internal
                """, Map.of());

        assertThat(problems).anySatisfy(line -> assertThat(line).contains("incidents.yaml:2:")
                .contains("allowed_hosts"));
    }

    @Test
    void aLongGroupKeyKeepsItsStartAndAHashOfTheWhole() {
        String huge = "x".repeat(2_000);
        String key = IntakeRules.DEFAULT.groupKey(Map.of("service", huge));
        String other = IntakeRules.DEFAULT.groupKey(Map.of("service", huge + "y"));

        assertThat(key).hasSize(IntakeRules.MAX_GROUP_KEY).startsWith("service=xxx");
        assertThat(other).hasSize(IntakeRules.MAX_GROUP_KEY).isNotEqualTo(key);
    }
}

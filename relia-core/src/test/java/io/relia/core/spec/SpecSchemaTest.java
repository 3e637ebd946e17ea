package io.relia.core.spec;

import io.relia.core.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpecSchemaTest {

    private static List<String> runbookProblems(String yaml) {
        Node root = SpecLoader.parse(Path.of("rb.yaml"), yaml).file().orElseThrow().documents().getFirst().root();
        return SpecSchema.named("runbook").validate(root).stream().map(Problem::format).toList();
    }

    private static final String VALID = """
            name: High CPU Usage
            trigger: cpu_usage > 85% for 5 minutes
            severity: SEV3
            diagnosis_steps:
              - step: 1
                action: "Check which process is consuming CPU"
                command: "top -b -n 1 | head -20"
            mitigation_options:
              - name: "Scale horizontally"
                command: "kubectl scale deployment/app --replicas=+2"
                risk: low
            escalation:
              after: 30 minutes
              to: senior-sre-oncall
            """;

    @Test
    void acceptsTheSeedRunbook() {
        assertThat(runbookProblems(VALID)).isEmpty();
    }

    @Test
    void locatesWrongTypes() {
        assertThat(runbookProblems(VALID.replace("""
                diagnosis_steps:
                  - step: 1
                    action: "Check which process is consuming CPU"
                    command: "top -b -n 1 | head -20"
                """, "diagnosis_steps: check the CPU\n")))
                .containsExactly("rb.yaml:4:18: error: \"diagnosis_steps\" is a string; expected a list");
    }

    @Test
    void locatesMissingKeysAtTheirMapping() {
        assertThat(runbookProblems(VALID.replace("  to: senior-sre-oncall\n", "")))
                .containsExactly("rb.yaml:13:3: error: missing key \"to\" in \"escalation\"; expected a value for \"to\"");
    }

    @Test
    void warnsAboutUnknownKeysWithDidYouMean() {
        assertThat(runbookProblems(VALID + "escalaton: x\n"))
                .containsExactly("rb.yaml:15:1: warning: unknown key \"escalaton\" (hint: did you mean \"escalation\"?)");
    }

    @Test
    void suggestsTheClosestEnumValue() {
        assertThat(runbookProblems(VALID.replace("risk: low", "risk: lwo")))
                .containsExactly("rb.yaml:11:11: error: \"mitigation_options[0].risk\" has an unknown value \"lwo\"; "
                        + "expected one of low, medium, high (hint: did you mean \"low\"?)");
    }
}

package io.relia.incident;

import io.relia.incident.intake.IntakeRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentSeverityTest {

    @ParameterizedTest
    @CsvSource({"SEV1, SEV1", "sev2, SEV2", "P1, SEV1", "p2, SEV2", " P3 , SEV3", "p4, SEV4", "3, SEV3"})
    void readsSevNamesPriorityNamesAndBareLevels(String text, IncidentSeverity expected) {
        assertThat(IncidentSeverity.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEV5", "P0", "P", "page", "", "SEV", "high"})
    void refusesAnythingElseNamingTheChoices(String text) {
        assertThatThrownBy(() -> IncidentSeverity.parse(text)).isInstanceOf(IncidentException.class)
                .hasMessage("unknown severity \"" + text + "\"; expected SEV1, SEV2, SEV3 or SEV4 (or P1 to P4)");
    }

    @Test
    void alertIntakeMapsLabelsThroughTheSameNames() {
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            String level = severity.name().substring(3);
            assertThat(IntakeRules.DEFAULT.severity(Map.of("severity", "P" + level))).isEqualTo(severity);
            assertThat(IntakeRules.DEFAULT.severity(Map.of("severity", "sev" + level))).isEqualTo(severity);
        }
        assertThat(IntakeRules.DEFAULT.severity(Map.of("severity", "3"))).as("bare levels are for people")
                .isEqualTo(IntakeRules.DEFAULT.defaultSeverity());
    }
}

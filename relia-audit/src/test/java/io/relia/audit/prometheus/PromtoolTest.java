package io.relia.audit.prometheus;

import io.relia.core.Location;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PromtoolTest {

    @Test
    void readsLineAndColumnOfExpressionErrors() {
        Path file = Path.of("rules.yaml");
        List<Promtool.Error> errors = Promtool.parse(file, "Checking rules.yaml\n  FAILED:\nrules.yaml: 5:15: group "
                + "\"a\", rule 1, \"X\": could not parse expression: 1:17: parse error: unclosed left parenthesis\n");
        assertThat(errors).extracting(Promtool.Error::location).containsExactly(Location.of(file, 5, 15));
    }

    @Test
    void readsTheLinesOfYamlErrorsAndSkipsTheirHeader() {
        Path file = Path.of("rules.yaml");
        List<Promtool.Error> errors = Promtool.parse(file, "  FAILED:\nrules.yaml: yaml: unmarshal errors:\n"
                + "  line 6: field foo not found in type rulefmt.RuleNode\n");
        assertThat(errors).extracting(Promtool.Error::location).containsExactly(Location.of(file, 6, 0));
    }

    @Test
    void keepsErrorsWithoutALineAtTheFile() {
        Path file = Path.of("rules.yaml");
        List<Promtool.Error> errors = Promtool.parse(file, "  FAILED:\nrules.yaml: not a valid duration string: "
                + "\"abc\"\nrules.yaml: not a valid duration string: \"abc\"\n");
        assertThat(errors).singleElement().extracting(Promtool.Error::location).isEqualTo(Location.of(file, 0, 0));
    }

    @Test
    void realPromtoolAcceptsValidRulesAndRejectsABrokenExpression(@TempDir Path directory) throws IOException {
        Optional<Promtool> promtool = Promtool.onPath();
        if (promtool.isEmpty()) {
            System.err.println("SKIPPED PromtoolTest.realPromtool...: promtool is not on the PATH "
                    + "(install it with apt-get install prometheus)");
        }
        Assumptions.assumeTrue(promtool.isPresent(), "promtool is not on the PATH (apt-get install prometheus)");
        Path valid = Files.writeString(directory.resolve("valid.yaml"), "groups:\n  - name: a\n    rules:\n"
                + "      - alert: Down\n        expr: up == 0\n        for: 5m\n");
        Path broken = Files.writeString(directory.resolve("broken.yaml"), "groups:\n  - name: a\n    rules:\n"
                + "      - alert: Down\n        expr: sum(up == 0\n");
        assertThat(promtool.get().checkRules(valid)).isEmpty();
        assertThat(promtool.get().checkRules(broken)).singleElement()
                .satisfies(error -> assertThat(error.location().line()).isEqualTo(5));
    }
}

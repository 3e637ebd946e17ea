package io.relia.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code relia slo validate} on the files Sloth's own validate tests accept and refuse (../shared/fixtures/sloth). */
class SlothValidateParityTest {

    private static final Path VALIDATE = Path.of("..", "..", "shared", "fixtures", "sloth", "test", "integration",
            "prometheus", "testdata", "validate");

    private static List<String> args(Path dir, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("slo", "validate"));
        args.addAll(List.of(more));
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(file -> args.add(file.toString()));
        }
        return args;
    }

    @Test
    void goodSpecsAreValidOnlyWhenDuplicatesAcrossFilesAreIgnoredAsInSloth() throws IOException {
        assumeTrue(Files.isDirectory(VALIDATE), "../shared/fixtures/sloth is absent");
        CliRun strict = CliRun.of(args(VALIDATE.resolve("good")).toArray(String[]::new));
        CliRun ignoring = CliRun.of(args(VALIDATE.resolve("good"), "--ignore-slo-duplicates")
                .toArray(String[]::new));

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("good-ab.yaml:6:5: error: SLO \"svc01-slo1\" is also defined at");
        assertThat(ignoring.exitCode()).as(ignoring.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-aa.yaml", "bad-ab.yaml", "bad-ba.yaml", "bad-k8s.yaml", "bad-multi.yaml",
        "bad-multi-k8s.yaml"})
    void eachBadSpecIsRefusedWithItsLocation(String name) {
        assumeTrue(Files.isDirectory(VALIDATE), "../shared/fixtures/sloth is absent");
        CliRun run = CliRun.of("slo", "validate", VALIDATE.resolve("bad").resolve(name).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).containsPattern(name.replace(".", "\\.") + ":\\d+:\\d+: error: ");
    }
}

package io.relia.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** We practise what Relia preaches: {@code relia audit} of Relia's own sources finds nothing above Low. */
class SelfAuditTest {

    @Test
    void reliaAuditsItsOwnMainCodeWithNothingAboveLow() {
        CliRun run = CliRun.of("audit", "..", "--fail-on", "medium", "--format", "text", "--no-color");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("files scanned");
        // Every Java file is parsed: a file JavaParser rejects would be an input/invalid finding, "file skipped".
        assertThat(run.out()).doesNotContain("file skipped", "Java checks skipped");
    }
}

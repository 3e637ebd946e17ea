package io.relia.cli;

import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.BudgetPolicyReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --policy FILE} option of {@code slo status} and {@code slo gate}. */
final class PolicyOption {

    @Option(names = "--policy", paramLabel = "FILE", description = "Error-budget policy file (default: seed 003's).")
    Path file;

    /** The policy of the file, or the default; an invalid file is an input error (exit 2). */
    BudgetPolicy policy() {
        return file == null ? BudgetPolicy.DEFAULT : BudgetPolicyReader.read(file);
    }
}

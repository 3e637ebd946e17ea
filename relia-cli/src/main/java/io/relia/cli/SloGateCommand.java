package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.report.TerminalText;
import io.relia.slo.Slo;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.status.BudgetPercent;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.GateDecision;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code relia slo gate}: may a deploy go out under the error-budget policy? For CI/CD pipelines. */
@Command(name = "gate",
        mixinStandardHelpOptions = true,
        description = {"Decide whether a deploy may proceed under the error-budget policy, for CI/CD pipelines.", "",
            "Prints one line: PASS, WARN or FREEZE and the reason. The default policy (seed 003) freezes feature",
            "deploys when any SLO is critical (< 25%% budget left) or exhausted; a change marked as a reliability",
            "fix (--reliability-fix, or RELIA_RELIABILITY_FIX=true) passes with a warning. --policy FILE changes",
            "the thresholds, the freezing states, freezing on a firing page alert, and what missing data means.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  deploy may proceed (PASS, or WARN: reliability fix through a freeze, or SLOs without data)",
            "  1  deploy frozen by the policy",
            "  2  usage error, invalid spec, policy or data file, or PromQL the source rejects",
            "  3  Prometheus unreachable or failing (the pipeline decides whether that blocks)"})
final class SloGateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SloSource source;

    @Mixin
    private PolicyOption policyOption;

    @Option(names = "--reliability-fix", description = "The change is a reliability fix: a freeze lets it through "
            + "with a warning when the policy allows (also RELIA_RELIABILITY_FIX=true).")
    private boolean reliabilityFix;

    @Option(names = "--at", paramLabel = "TIME", description = "Decide as of this moment: " + Times.FORMS + ".")
    private String at;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine commandLine = spec.commandLine();
        Duration period = source.period(commandLine);
        List<Slo> slos = source.slos(commandLine);
        BudgetPolicy policy = policyOption.policy();
        QueryEngine engine = source.engine(commandLine);
        List<StatusEvaluator.Target> targets = source.targets(slos, commandLine);
        Instant moment = source.moment(at, commandLine);
        List<SloStatus> statuses;
        try {
            statuses = new StatusEvaluator(engine, period, policy, source.maxInFlight).evaluateAll(targets, moment);
        } catch (QueryException failed) {
            throw SloSource.failure(failed, targets);
        }
        String marked = System.getenv("RELIA_RELIABILITY_FIX");
        boolean fix = reliabilityFix || (marked != null && (marked.equalsIgnoreCase("true") || marked.equals("1")));
        GateDecision decision = GateDecision.decide(statuses, policy, fix);
        PrintWriter out = commandLine.getOut();
        String verdict = !decision.allowed() ? "FREEZE" : decision.warning() ? "WARN" : "PASS";
        out.println(verdict + " " + TerminalText.oneLine(decision.reason()));
        if (!decision.allowed() || decision.warning()) {
            for (SloStatus status : statuses) {
                out.println(String.format(Locale.ROOT, "  %-40s %8s budget left  %-9s  %s",
                        TerminalText.oneLine(status.slo().id()),
                        BudgetPercent.format(status.budgetRemaining()), status.state().label(),
                        status.coverage().describe()));
            }
        }
        out.flush();
        ReportOutput.checkWritten(out);
        return decision.allowed() ? ExitCode.OK : ExitCode.FAILED;
    }
}

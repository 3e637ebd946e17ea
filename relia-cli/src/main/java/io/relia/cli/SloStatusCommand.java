package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.report.ReportFormat;
import io.relia.slo.Slo;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia slo status}: error budget, burn rates and firing alerts of each SLO, now or at any moment. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = {"Show each SLO's error budget now (or --at a past moment) from Prometheus or recorded data.", "",
            "For each SLO: the SLI over its period, how much of the period the data covers, the budget left",
            "(ratio, minutes, events; spent = failures seen in the window / failures the objective allows over the",
            "whole window), the burn rate over every alert window, the policy state (healthy > 50%% left, warning",
            "25-50%%, critical < 25%%, exhausted), the alerts that would fire, and the time to exhaustion at the last",
            "hour's burn rate. HTML adds a budget burn-down chart per SLO.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  status reported (whatever the state; use 'relia slo gate' to fail a pipeline)",
            "  2  usage error, invalid spec or data file, or PromQL the source rejects",
            "  3  Prometheus unreachable or failing"})
final class SloStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SloSource source;

    @Option(names = "--at", paramLabel = "TIME",
            description = "Evaluate at this moment: " + Times.FORMS + " (default: now; the last recorded "
                    + "sample with --data).")
    private String at;

    @Mixin
    private PolicyOption policyOption;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine commandLine = spec.commandLine();
        ReportFormat format = output.format(commandLine);
        Duration period = source.period(commandLine);
        List<Slo> slos = source.slos(commandLine);
        BudgetPolicy policy = policyOption.policy();
        QueryEngine engine = source.engine(commandLine);
        List<StatusEvaluator.Target> targets = source.targets(slos, commandLine);
        Instant moment = source.moment(at, commandLine);
        StatusEvaluator evaluator = new StatusEvaluator(engine, period, policy, source.maxInFlight);
        try {
            List<SloStatus> statuses = evaluator.evaluateAll(targets, moment);
            Map<String, StatusEvaluator.BurnDown> burnDowns = new LinkedHashMap<>();
            if (format == ReportFormat.HTML) {
                for (int i = 0; i < targets.size(); i++) {
                    StatusEvaluator.Target target = targets.get(i);
                    burnDowns.put(target.slo().id(), evaluator.burnDown(target, statuses.get(i), 240));
                }
            }
            output.write(StatusReport.of(statuses, burnDowns, moment, engine.describe(), policy), commandLine);
        } catch (QueryException failed) {
            throw SloSource.failure(failed, targets);
        }
        return ExitCode.OK;
    }
}

package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.value.Durations;
import io.relia.slo.AlertPlan;
import io.relia.slo.ErrorBudget;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.rules.AlertWindows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia slo explain FILE}: the error budget and what every alert means, in plain numbers. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = {"Explain each SLO's error budget and burn-rate alerts in plain numbers.", "",
            "For each SLO: its error budget in minutes and events, and for every burn-rate alert",
            "its windows, burn factor, the share of the budget spent when it fires, how long the budget lasts at",
            "that rate, and how soon it fires in a full outage.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  explained", "  2  usage error or invalid spec"})
final class SloExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "An SLO spec file.")
    private Path file;

    @Mixin
    private ReportOutput output;

    @Option(names = "--default-period", paramLabel = "DURATION", defaultValue = "30d",
            description = "SLO period for SLOs that name none (default: ${DEFAULT-VALUE}).")
    private String defaultPeriod;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        Duration period = SloFiles.period(defaultPeriod, commandLine);
        SloFile loaded = SloFiles.loadAll(List.of(file), commandLine.getErr(), true).getFirst();
        Document.Builder doc = new Document.Builder("SLOs in " + file);
        List<Map<String, Object>> data = new ArrayList<>();
        for (Slo slo : loaded.slos()) {
            ErrorBudget budget = ErrorBudget.of(slo, period);
            List<AlertPlan.Row> rows = AlertPlan.of(slo, period, AlertWindows.GOOGLE);
            doc.heading(1, slo.id());
            doc.paragraph(String.format(Locale.ROOT, "Objective %s%% over %s: an error budget of %s%% of events "
                            + "(1 failure in %,d), or %s minutes of full outage.",
                    plain(budget.objectivePercent()), Durations.format(budget.period()),
                    plain(budget.ratio().movePointRight(2)), budget.oneFailureIn(), plain(budget.minutes())));
            List<List<Document.Cell>> cells = new ArrayList<>();
            List<Map<String, Object>> alerts = new ArrayList<>();
            for (AlertPlan.Row row : rows) {
                String detection = row.outageDetection().map(SloExplainCommand::seconds).orElse("never (threshold > 100%)");
                cells.add(List.of(Document.Cell.of(row.severity()), Document.Cell.of(Durations.format(row.longWindow())),
                        Document.Cell.of(Durations.format(row.shortWindow())), Document.Cell.of(number(row.factor()) + "×"),
                        Document.Cell.of(number(row.budgetShare() * 100) + "%"),
                        Document.Cell.of(Durations.format(row.timeToExhaustion())), Document.Cell.of(detection)));
                Map<String, Object> alert = new LinkedHashMap<>();
                alert.put("severity", row.severity());
                alert.put("longWindow", Durations.format(row.longWindow()));
                alert.put("shortWindow", Durations.format(row.shortWindow()));
                alert.put("burnRate", row.factor());
                alert.put("budgetSpentWhenFiring", row.budgetShare());
                alert.put("timeToExhaustion", Durations.format(row.timeToExhaustion()));
                alert.put("fullOutageDetection", row.outageDetection().map(SloExplainCommand::seconds).orElse(null));
                alerts.add(alert);
            }
            if (cells.isEmpty()) {
                doc.paragraph("No alerts: both tiers are disabled.");
            } else {
                doc.add(new Document.Table(List.of("Alert", "Long window", "Short window", "Burn rate",
                        "Budget spent when firing", "Budget lasts", "Fires after (100% errors)"), cells));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", slo.id());
            entry.put("objectivePercent", budget.objectivePercent());
            entry.put("period", Durations.format(budget.period()));
            entry.put("errorBudgetRatio", budget.ratio());
            entry.put("errorBudgetMinutes", budget.minutes());
            entry.put("oneFailureIn", budget.oneFailureIn());
            entry.put("alerts", alerts);
            data.add(entry);
        }
        output.write(new Report("slo-explain", 1, Map.of("file", file.toString(), "slos", data), doc.build()),
                commandLine);
        return ExitCode.OK;
    }

    /** Whole seconds read better than {@code 51s840ms} for a detection time. */
    private static String seconds(Duration duration) {
        return Durations.format(Duration.ofSeconds(Math.round(duration.toMillis() / 1000.0)));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String number(double value) {
        return new BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}

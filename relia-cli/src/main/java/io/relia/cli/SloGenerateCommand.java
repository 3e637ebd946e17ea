package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.value.Durations;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.rules.AlertWindows;
import io.relia.slo.sloth.AlertWindowsReader;
import io.relia.slo.rules.PrometheusRuleWriter;
import io.relia.slo.rules.RuleGroup;
import io.relia.slo.rules.SlothRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia slo generate}: Sloth-equal Prometheus rules, as rule files or PrometheusRule resources. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Generate Sloth-equal Prometheus rules: SLI recordings and burn-rate alerts.", "",
            "Recording and multi-window multi-burn-rate alert rules, named and",
            "labelled as Sloth names them. Without --out, all rules go to standard output.",
            "OpenSLO files are read together: an SLO may refer to the SLI, alert policies and data",
            "sources of another file given; a file holding no SLO gets no rule file.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  rules generated", "  2  usage error or invalid spec (nothing is written)",
            "  3  the rules could not be written (disk full, closed pipe)"})
final class SloGenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SLO spec files.")
    private List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one rule file per spec into DIR.")
    private Path out;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "prometheus",
            description = "prometheus (a rule file) or prometheus-operator (a PrometheusRule resource).")
    private String target;

    @Option(names = "--default-period", paramLabel = "DURATION", defaultValue = "30d",
            description = "SLO period for SLOs that name none (default: ${DEFAULT-VALUE}).")
    private String defaultPeriod;

    @Option(names = "--slo-period-windows-path", paramLabel = "DIR", description = "Sloth AlertWindows specs "
            + "(*.yaml, *.yml) with the alert windows of SLO periods; other periods keep the default windows with "
            + "scaled factors.")
    private Path windowsPath;

    @Option(names = "--verbose", description = "Also print the notes on how each SLI was read (relia slo validate "
            + "always shows them).")
    private boolean verbose;

    @Option(names = "--extra-labels", paramLabel = "K=V,...", split = ",",
            description = "Labels added to every recording rule, as Sloth's --extra-labels.")
    private List<String> extraLabels = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (!target.equals("prometheus") && !target.equals("prometheus-operator")) {
            throw new CommandLine.ParameterException(commandLine, "--target " + target
                    + " is not a target; expected prometheus|prometheus-operator");
        }
        Duration period = SloFiles.period(defaultPeriod, commandLine);
        SlothRules.Options options = new SlothRules.Options(period, labels(commandLine),
                "relia-" + ReliaCommand.version(), AlertWindows.GOOGLE, windowsByPeriod(commandLine));
        List<SloFile> loaded = SloFiles.loadAll(files, commandLine.getErr(), verbose);
        // Every spec is valid once here: from now on nothing can stop half-way for bad input.
        if (out == null) {
            try {
                if (target.equals("prometheus")) {
                    List<RuleGroup> all = new ArrayList<>();
                    loaded.forEach(file -> all.addAll(generate(file, options)));
                    PrometheusRuleWriter.writeRuleFile(all, header(files.stream().map(Path::toString).toList()),
                            commandLine.getOut());
                } else {
                    List<String> documents = new ArrayList<>();
                    loaded.forEach(file -> documents.addAll(resources(file, options)));
                    commandLine.getOut().write(String.join("---\n", documents));
                }
            } catch (IOException failed) {
                throw new ExternalFailure("cannot write the rules: " + failed.getMessage(), failed);
            }
            ReportOutput.checkWritten(commandLine.getOut());
            return ExitCode.OK;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(commandLine, "--out " + out + " is not a directory");
        }
        java.util.Map<Path, Path> targets = new java.util.LinkedHashMap<>();
        for (SloFile file : loaded) {
            Path clash = targets.putIfAbsent(out.resolve(outputName(file.path())), file.path());
            if (clash != null) {
                throw new CommandLine.ParameterException(commandLine, file.path() + " and " + clash
                        + " would both be written to " + out.resolve(outputName(file.path()))
                        + "; generate them into different --out directories");
            }
        }
        for (SloFile file : loaded) {
            Path target = out.resolve(outputName(file.path()));
            if (file.slos().isEmpty()) {
                // An OpenSLO file of alert policies or data sources: read for the others' references, no rules.
                commandLine.getErr().println("no rules for " + file.path() + ": it holds no SLO");
                continue;
            }
            try {
                if (this.target.equals("prometheus")) {
                    List<RuleGroup> groups = generate(file, options);
                    ReportOutput.writeAtomically(target, writer -> PrometheusRuleWriter.writeRuleFile(groups,
                            header(List.of(file.path().toString())), writer));
                } else {
                    String documents = String.join("---\n", resources(file, options));
                    ReportOutput.writeAtomically(target, writer -> writer.write(documents));
                }
            } catch (IOException failed) {
                throw new InputException(List.of(Problem.error(Location.wholeFile(target),
                        "cannot write: " + failed.getMessage(), "a writable directory", "")));
            }
            commandLine.getErr().println("wrote " + target);
        }
        return ExitCode.OK;
    }

    /** Rule groups of every SLO, in spec order; SLOs are independent, so large files use both cores. */
    private static List<RuleGroup> generate(SloFile file, SlothRules.Options options) {
        List<Slo> slos = file.slos();
        return (slos.size() > 256 ? slos.parallelStream() : slos.stream())
                .flatMap(slo -> SlothRules.generate(slo, options).stream()).toList();
    }

    private Map<Duration, AlertWindows> windowsByPeriod(CommandLine commandLine) {
        if (windowsPath == null) {
            return Map.of();
        }
        if (!Files.isDirectory(windowsPath)) {
            throw new CommandLine.ParameterException(commandLine, "--slo-period-windows-path " + windowsPath
                    + " is not a directory");
        }
        List<Path> specs;
        try (java.util.stream.Stream<Path> walk = Files.walk(windowsPath)) {
            specs = walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(".yaml")
                    || path.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException failed) {
            throw new InputException(List.of(Problem.error(Location.wholeFile(windowsPath),
                    "cannot read: " + failed.getMessage(), "a readable directory", "")));
        }
        io.relia.core.Problems problems = new io.relia.core.Problems();
        Map<Duration, AlertWindows> byPeriod = AlertWindowsReader.load(specs, problems);
        if (problems.hasErrors()) {
            throw new InputException(problems.sorted());
        }
        return byPeriod;
    }

    private static List<String> header(List<String> sources) {
        return List.of("Code generated by Relia " + ReliaCommand.version() + " from " + String.join(", ", sources)
                + "; rules named as Sloth names them.", "DO NOT EDIT.");
    }

    /** The PrometheusRule resources of one spec file, named after the file where SLOs came from no resource. */
    private static List<String> resources(SloFile file, SlothRules.Options options) {
        return PrometheusRuleWriter.prometheusRules(file, options, header(List.of(file.path().toString())),
                resourceName(List.of(file.path().toString())));
    }

    private String outputName(Path source) {
        return stem(source) + (target.equals("prometheus") ? ".rules.yaml" : ".prometheusrule.yaml");
    }

    private static String resourceName(List<String> sources) {
        String name = sources.size() == 1 ? stem(Path.of(sources.getFirst())) : "slos";
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "")
                + "-slo-rules";
    }

    private static String stem(Path path) {
        String name = String.valueOf(path.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private Map<String, String> labels(CommandLine commandLine) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : extraLabels) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || !pair.substring(0, equals).matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new CommandLine.ParameterException(commandLine, "--extra-labels " + pair
                        + " is not a label; expected name=value with a Prometheus label name");
            }
            labels.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return labels;
    }
}

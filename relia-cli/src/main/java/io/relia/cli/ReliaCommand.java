package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The top-level {@code relia} command: prints help when given no subcommand. */
@Command(name = "relia",
        mixinStandardHelpOptions = true,
        versionProvider = ReliaCommand.Version.class,
        description = {
            "Reliability engineering in one tool: SLOs as code, reliability audit, chaos, load and capacity,",
            "incidents, and the production readiness review that runs them all.", ""},
        subcommands = {ReviewCommand.class, AuditCommand.class, SloCommand.class, ChaosCommand.class, LoadCommand.class,
            CapacityCommand.class, IncidentCommand.class, ActionCommand.class, RunbookCommand.class,
            ServeCommand.class, TokenCommand.class,
            ValidateCommand.class, CompletionCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success (a report was produced; warnings allowed)",
            "  1  the check ran and its result fails (--fail-on, gates, thresholds)",
            "  2  usage or input error (unknown flag, invalid or unreadable file)",
            "  3  an external system failed (server unreachable, port in use)",
            " 70  a bug in Relia (set RELIA_DEBUG=1 for the stack trace)",
            "",
            "Start with: relia review DIR    Docs: docs/ in the repository."})
public final class ReliaCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Relia's version, from the properties Maven writes at build time. */
    public static String version() {
        return io.relia.core.ReliaVersion.get();
    }

    /** Prints {@code relia VERSION} and the Java runtime, which users need in bug reports. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"relia " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}

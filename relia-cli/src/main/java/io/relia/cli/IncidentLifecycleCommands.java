package io.relia.cli;

import io.relia.core.value.Durations;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.view.IncidentViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code relia incident ack|mitigate|resolve|close|reopen}: the lifecycle transitions. */
final class IncidentLifecycleCommands {

    private IncidentLifecycleCommands() {
    }

    /** What every transition takes: the incident, when, the store, the output. */
    abstract static class Transition implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        IncidentStoreOptions store;

        @Parameters(index = "0", paramLabel = "ID", description = "Incident id: 42 or INC-42.")
        String id;

        @Option(names = "--at", paramLabel = "TIME", description = "When it happened (default: now): " + Times.FORMS
                + ".")
        String at;

        @Mixin
        ReportOutput output;

        abstract UnaryOperator<Incident> edit(Instant when);

        abstract String done(Incident incident, IncidentPolicy policy);

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            output.format(commandLine);
            Instant now = Instant.now();
            Instant when = at == null ? now : Times.parse("--at", at, now, commandLine);
            IncidentPolicy policy = store.policy();
            try (IncidentStore incidents = store.open()) {
                Incident changed = incidents.change(IncidentStoreOptions.incidentId(id), store.actor(), when,
                        edit(when));
                IncidentOutput.written(output, commandLine, changed, policy, now, done(changed, policy));
            }
            return 0;
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true,
            description = {"Acknowledge an incident: a responder has it.", "",
                "Reports the response time against the severity's target.", ""},
            footer = {"", "Exit codes: 0 acknowledged, 2 unknown incident or already acknowledged, 3 store failure."})
    static final class Ack extends Transition {
        @Override
        UnaryOperator<Incident> edit(Instant when) {
            return incident -> incident.acknowledge(when);
        }

        @Override
        String done(Incident incident, IncidentPolicy policy) {
            Duration took = policy.responseTime(incident).orElseThrow();
            Duration target = policy.responseTarget(incident.severity());
            return incident.reference() + " acknowledged after " + IncidentViews.span(took) + " (target "
                    + Durations.format(target) + ": " + (took.compareTo(target) > 0 ? "BREACHED" : "met") + ")";
        }
    }

    @Command(name = "mitigate", mixinStandardHelpOptions = true,
            description = {"Mark the impact as stopped: status monitoring.", "",
                "Record it when a rollback, failover or scale-out has stopped the user impact.", ""},
            footer = {"", "Exit codes: 0 mitigated, 2 unknown incident or not open, 3 store failure."})
    static final class Mitigate extends Transition {
        @Override
        UnaryOperator<Incident> edit(Instant when) {
            return incident -> incident.mitigate(when);
        }

        @Override
        String done(Incident incident, IncidentPolicy policy) {
            Instant start = incident.times().impactStartedAt().orElse(incident.times().detected());
            return incident.reference() + " mitigated: impact lasted "
                    + IncidentViews.span(Duration.between(start, incident.times().mitigated())) + "; status monitoring";
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = {"Resolve an incident: it is over.", "",
                "SEV1 and SEV2 incidents then need a postmortem within 48 hours (relia incident postmortem ID).", ""},
            footer = {"", "Exit codes: 0 resolved, 2 unknown incident or not open, 3 store failure."})
    static final class Resolve extends Transition {
        @Option(names = "--root-cause", paramLabel = "TEXT", description = "The root cause, when known.")
        String rootCause;

        @Option(names = "--resolution", paramLabel = "TEXT", description = "What fixed it.")
        String resolution;

        @Override
        UnaryOperator<Incident> edit(Instant when) {
            return incident -> {
                Incident next = incident;
                if (rootCause != null) {
                    next = next.withAnalysis(next.analysis().withRootCause(rootCause));
                }
                if (resolution != null) {
                    next = next.withAnalysis(next.analysis().withResolution(resolution));
                }
                return next.resolve(when);
            };
        }

        @Override
        String done(Incident incident, IncidentPolicy policy) {
            return incident.reference() + " resolved" + policy.postmortemDueAt(incident)
                    .map(due -> "; postmortem due by " + IncidentOutput.clock(due) + " UTC: relia incident postmortem "
                            + incident.id()).orElse("");
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = {"Close a resolved incident.", "",
                "Only a reopen, notes and action items change it afterwards.", ""},
            footer = {"", "Exit codes: 0 closed, 2 unknown incident or not resolved, 3 store failure."})
    static final class Close extends Transition {
        @Override
        UnaryOperator<Incident> edit(Instant when) {
            return incident -> incident.close(when);
        }

        @Override
        String done(Incident incident, IncidentPolicy policy) {
            return incident.reference() + " closed";
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true,
            description = {"Reopen a resolved or closed incident: the problem is back.", "",
                "Status investigating; the resolution and close times are cleared (the timeline keeps them).", ""},
            footer = {"", "Exit codes: 0 reopened, 2 unknown incident or still open, 3 store failure."})
    static final class Reopen extends Transition {
        @Override
        UnaryOperator<Incident> edit(Instant when) {
            return Incident::reopen;
        }

        @Override
        String done(Incident incident, IncidentPolicy policy) {
            return incident.reference() + " reopened: investigating";
        }
    }
}

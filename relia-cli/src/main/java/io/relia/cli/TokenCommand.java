package io.relia.cli;

import io.relia.incident.IncidentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code relia token}: bearer tokens for relia serve. */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        description = {"Create and revoke the bearer tokens of relia serve's write API.", "",
            "A token is printed once when created; the store keeps only its SHA-256 hash.", ""},
        subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  2  usage error", "  3  store failure", "", "Docs: docs/server.md"})
final class TokenCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token named NAME and print it.", "",
                "NAME says who or what uses the token: the timeline names it.", ""},
            footer = {"", "Exit codes: 0 created, 2 usage error, 3 store failure."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        IncidentStoreOptions store;
        @Parameters(paramLabel = "NAME", description = "Who or what will use it, e.g. alertmanager or alice.")
        String name;

        @Override
        public Integer call() {
            String token;
            try (IncidentStore incidents = store.open()) {
                token = incidents.tokens().create(name, Instant.now());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(token);
            out.flush();
            spec.commandLine().getErr().println("relia token: created \"" + name + "\"; it is shown only now, keep it "
                    + "in your secret store");
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revoke every token named NAME.", ""},
            footer = {"", "Exit codes: 0 revoked (or none existed), 2 usage error, 3 store failure."})
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        IncidentStoreOptions store;
        @Parameters(paramLabel = "NAME", description = "The name given at creation.")
        String name;

        @Override
        public Integer call() {
            int revoked;
            try (IncidentStore incidents = store.open()) {
                revoked = incidents.tokens().revoke(name, Instant.now());
            }
            spec.commandLine().getOut().println(revoked + (revoked == 1 ? " token" : " tokens") + " named \"" + name
                    + "\" revoked");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

package io.relia.cli;

import io.relia.core.files.PrivateFiles;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentStore;
import io.relia.incident.TokenScope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code relia token}: bearer tokens for relia serve, with scopes and an optional expiry. */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        description = {"Create, list and revoke the bearer tokens of relia serve's API.", "",
            "A token is printed once when created; the store keeps only its SHA-256 hash. Each token has scopes:",
            "  intake  alert webhooks (Alertmanager, PagerDuty Events v2) and nothing else",
            "  read    GET requests, when relia serve runs with --reads-need-token",
            "  write   declare and edit incidents, notes, roles, action items (includes read)",
            "  admin   import incident history, anything destructive (includes write and read)",
            "Tokens created before scopes existed keep every scope; relia token list marks them.", ""},
        subcommands = {TokenCommand.Create.class, TokenListCommand.class, TokenCommand.Revoke.class},
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
            description = {"Create a token named NAME with --scope and print it.", "",
                "NAME says who or what uses the token: the timeline names it.", ""},
            footerHeading = "%nExamples:%n",
            footer = {"  relia token create alertmanager --scope intake --output /etc/alertmanager/relia-token",
                "  relia token create alice --scope write --expires 90d", "",
                "Exit codes: 0 created, 2 usage error, 3 store failure."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        IncidentStoreOptions store;
        @Parameters(paramLabel = "NAME", description = "Who or what will use it, e.g. alertmanager or alice.")
        String name;
        @Option(names = "--scope", paramLabel = "SCOPES",
                description = "What it may do, comma-separated: intake, read, write, admin (required).")
        String scopes;
        @Option(names = "--expires", paramLabel = "WHEN",
                description = "When it stops working: a duration from now (30d, 12h) or a time (" + Times.FORMS
                        + "). Default: never.")
        String expires;
        @Option(names = "--output", paramLabel = "FILE",
                description = "Write the token to FILE, created readable by you only (mode 0600), instead of "
                        + "printing it; FILE must not exist.")
        Path output;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            if (scopes == null || scopes.isBlank()) {
                throw new CommandLine.ParameterException(commandLine, "relia token create needs --scope: intake "
                        + "(alert webhooks), read, write (incident edits) or admin (imports), comma-separated; "
                        + "e.g. --scope intake for Alertmanager, --scope write for a person");
            }
            Set<TokenScope> granted;
            try {
                granted = TokenScope.parseList(scopes);
            } catch (IncidentException unknown) {
                throw new CommandLine.ParameterException(commandLine, "--scope " + scopes + ": "
                        + unknown.getMessage());
            }
            Instant now = Instant.now();
            Optional<Instant> expiry = Optional.ofNullable(expires).map(text -> expiry(text, now, commandLine));
            if (output != null) {
                reserve(commandLine);
            }
            String token;
            try (IncidentStore incidents = store.open()) {
                token = incidents.tokens().create(name, granted, expiry, now);
            } catch (RuntimeException notCreated) {
                if (output != null) {
                    deleteQuietly(output);
                }
                throw notCreated;
            }
            String what = "\"" + name + "\" (" + TokenScope.describe(granted) + "; "
                    + expiry.map(at -> "expires " + IncidentOutput.clock(at) + " UTC").orElse("no expiry") + ")";
            PrintWriter err = commandLine.getErr();
            if (output != null) {
                write(token, commandLine);
                err.println("relia token: created " + what + " in " + output + " (readable by you only)");
                return 0;
            }
            PrintWriter out = commandLine.getOut();
            out.println(token);
            out.flush();
            err.println("relia token: created " + what + "; it is shown only now, keep it in your secret store");
            return 0;
        }

        private Instant expiry(String text, Instant now, CommandLine commandLine) {
            Parsed<Duration> duration = Durations.parse(text.strip());
            Instant at = duration instanceof Parsed.Ok<Duration> ok ? now.plus(ok.value())
                    : Times.parse("--expires", text, now, commandLine);
            if (!at.isAfter(now)) {
                throw new CommandLine.ParameterException(commandLine, "--expires " + text + " is not in the future");
            }
            return at;
        }

        /** Creates the empty 0600 token file before the token exists, so that a file in the way costs nothing. */
        private void reserve(CommandLine commandLine) {
            try {
                PrivateFiles.createNew(output);
            } catch (FileAlreadyExistsException exists) {
                throw new CommandLine.ParameterException(commandLine, "--output " + output + " exists; a token file "
                        + "is never replaced: remove it first");
            } catch (IOException unwritable) {
                throw new ExternalFailure("cannot create the token file " + output + ": " + unwritable.getMessage(),
                        unwritable);
            }
        }

        private void write(String token, CommandLine commandLine) {
            try {
                Files.writeString(output, token + "\n");
            } catch (IOException unwritable) {
                throw new ExternalFailure("cannot write the token to " + output + ": " + unwritable.getMessage()
                        + " (the token was created; revoke it with relia token revoke " + name + ")", unwritable);
            }
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the empty file stays; the error that stopped the command is the one to report
            }
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

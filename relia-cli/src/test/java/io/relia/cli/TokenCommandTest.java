package io.relia.cli;

import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.incident.ApiToken;
import io.relia.incident.IncidentStore;
import io.relia.incident.TokenScope;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** relia token create, list and revoke on a SQLite store in a temporary data directory. */
class TokenCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", dir.resolve("data").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private List<ApiToken> stored() {
        try (IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(dir.resolve("data")))) {
            return store.tokens().list();
        }
    }

    private Optional<ApiToken> verified(String token) {
        try (IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(dir.resolve("data")))) {
            return store.tokens().verify(token);
        }
    }

    @Test
    void createsATokenWithItsScopesAndExpiryAndPrintsItOnce() {
        Instant before = Instant.now();
        CliRun created = run("token", "create", "ci", "--scope", "write,intake", "--expires", "30d");

        assertThat(created.exitCode()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).startsWith("relia_");
        assertThat(created.err()).startsWith("relia token: created \"ci\" (intake, write; expires ")
                .contains(" UTC); it is shown only now");
        ApiToken stored = verified(token).orElseThrow();
        assertThat(stored.scopes()).containsExactlyInAnyOrder(TokenScope.INTAKE, TokenScope.WRITE);
        assertThat(stored.expires().orElseThrow())
                .isCloseTo(before.plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
    }

    @Test
    void anExpiryMayBeATime() {
        CliRun created = run("token", "create", "ci", "--scope", "read", "--expires", "2999-01-01");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).contains("(read; expires 2999-01-01 00:00:00 UTC)");
    }

    @Test
    void aTokenNeedsScopesThatExistAndAnExpiryInTheFuture() {
        CliRun noScope = run("token", "create", "alertmanager");
        CliRun unknown = run("token", "create", "alertmanager", "--scope", "intake,root");
        CliRun past = run("token", "create", "alertmanager", "--scope", "intake", "--expires", "2020-01-01");
        CliRun nonsense = run("token", "create", "alertmanager", "--scope", "intake", "--expires", "soon");

        assertThat(noScope.exitCode()).isEqualTo(2);
        assertThat(noScope.err()).contains("relia token create needs --scope: intake (alert webhooks), read, write");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown token scope \"root\"; expected intake, read, write or admin");
        assertThat(past.exitCode()).isEqualTo(2);
        assertThat(past.err()).contains("--expires 2020-01-01 is not in the future");
        assertThat(nonsense.exitCode()).isEqualTo(2);
        assertThat(nonsense.err()).contains("--expires soon is not a time");
        assertThat(List.of(noScope, unknown, past, nonsense)).noneMatch(CliRun::showsStackTrace);
        assertThat(stored()).isEmpty();
    }

    @Test
    void writesTheTokenToANewFileOnlyItsOwnerCanRead() throws Exception {
        Path file = dir.resolve("relia-token");

        CliRun created = run("token", "create", "alertmanager", "--scope", "intake", "--output", file.toString());
        CliRun again = run("token", "create", "alertmanager", "--scope", "intake", "--output", file.toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEmpty();
        assertThat(created.err()).isEqualTo("relia token: created \"alertmanager\" (intake; no expiry) in " + file
                + " (readable by you only)\n");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = Files.readString(file).strip();
        assertThat(verified(token)).isPresent();
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists; a token file is never replaced");
        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(stored()).hasSize(1);
    }

    @Test
    void listsTokensWithScopesAndExpiryButNeverTheTokens() {
        String token = run("token", "create", "alertmanager", "--scope", "intake").out().strip();
        run("token", "create", "alice", "--scope", "write", "--expires", "2999-01-01");
        run("token", "create", "gone", "--scope", "admin");
        run("token", "revoke", "gone");

        CliRun listed = run("token", "list");
        JsonNode json = JsonMapper.builder().build().readTree(run("token", "list", "--format", "json").out());

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("alertmanager").contains("intake").contains("alice")
                .contains("2999-01-01 00:00:00").doesNotContain("gone").doesNotContain(token)
                .doesNotContain("relia_");
        assertThat(json.at("/tokens/0/name").asString()).isEqualTo("alertmanager");
        assertThat(json.at("/tokens/0/scopes/0").asString()).isEqualTo("intake");
        assertThat(json.at("/tokens/0/expires").isNull()).isTrue();
        assertThat(json.at("/tokens/1/expires").asString()).isEqualTo("2999-01-01T00:00:00Z");
        assertThat(json.at("/tokens/1/legacy").asBoolean()).isFalse();
    }

    @Test
    void aTokenFromBeforeScopesIsListedAsHavingEveryScopeWithAHint() throws Exception {
        Instant created = Instant.parse("2026-01-05T10:00:00Z");
        ApiToken legacy = new ApiToken("alertmanager", TokenScope.ALL, created, Optional.empty(), true);
        ApiToken expired = new ApiToken("ci", java.util.Set.of(TokenScope.WRITE), created,
                Optional.of(created.plus(Duration.ofDays(1))), false);

        StringWriter text = new StringWriter();
        ReportWriter.forFormat(ReportFormat.TEXT, false).write(TokenListCommand.report(List.of(legacy, expired),
                created.plus(Duration.ofDays(2))), text);

        assertThat(text.toString()).contains("every scope (created before scopes)")
                .contains("2026-01-06 10:00:00 (expired)")
                .contains("Tokens created before scopes keep every scope. Replace each");
    }

    @Test
    void revokesEveryTokenOfAName() {
        String token = run("token", "create", "alertmanager", "--scope", "intake").out().strip();

        assertThat(run("token", "revoke", "alertmanager").out()).isEqualTo("1 token named \"alertmanager\" revoked\n");
        assertThat(verified(token)).isEmpty();
    }
}

package io.relia.cli;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.incident.ApiToken;
import io.relia.incident.IncidentStore;
import io.relia.incident.TokenScope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia token list}: the tokens not revoked, with their scopes and expiry (never the tokens themselves). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the tokens not revoked: name, scopes, when created, when they expire.", "",
            "Tokens themselves are never shown (the store has only their hashes). A token marked \"every scope",
            "(created before scopes)\" can do anything; replace it with a scoped one.", ""},
        footer = {"", "Exit codes: 0 listed, 2 usage error, 3 store failure."})
final class TokenListCommand implements Callable<Integer> {

    private static final int SCHEMA_VERSION = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        List<ApiToken> tokens;
        try (IncidentStore incidents = store.open()) {
            tokens = incidents.tokens().list();
        }
        output.write(report(tokens, Instant.now()), commandLine);
        return 0;
    }

    static Report report(List<ApiToken> tokens, Instant now) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (ApiToken token : tokens) {
            boolean expired = token.isExpiredAt(now);
            String expires = token.expires().map(at -> IncidentOutput.clock(at) + (expired ? " (expired)" : ""))
                    .orElse("never");
            rows.add(List.of(Document.Cell.of(token.name()),
                    token.legacy() ? new Document.Cell("every scope (created before scopes)", Document.Tone.WARN)
                            : Document.Cell.of(TokenScope.describe(token.scopes())),
                    Document.Cell.of(IncidentOutput.clock(token.created())),
                    new Document.Cell(expires, expired ? Document.Tone.MUTED : Document.Tone.PLAIN)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", token.name());
            row.put("scopes", token.scopes().stream().map(TokenScope::label).toList());
            row.put("legacy", token.legacy());
            row.put("created", token.created().toString());
            row.put("expires", token.expires().map(Instant::toString).orElse(null));
            row.put("expired", expired);
            data.add(row);
        }
        Document.Builder document = new Document.Builder("Tokens");
        if (tokens.isEmpty()) {
            document.paragraph("No tokens: create one with relia token create NAME --scope SCOPES.");
        } else {
            document.add(new Document.Table(List.of("Name", "Scopes", "Created (UTC)", "Expires (UTC)"), rows));
        }
        if (tokens.stream().anyMatch(ApiToken::legacy)) {
            document.add(new Document.Paragraph("Tokens created before scopes keep every scope. Replace each: relia "
                    + "token create NEW-NAME --scope ..., switch its user to the new token, then relia token revoke "
                    + "OLD-NAME.", Document.Tone.WARN));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tokens", data);
        return new Report("tokens", SCHEMA_VERSION, fields, document.build());
    }
}

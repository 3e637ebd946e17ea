package io.relia.cli;

import io.relia.core.files.InputFiles;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentPolicyFile;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreException;
import io.relia.incident.store.StoreLocation;
import io.relia.server.client.RemoteIncidentStore;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where incidents are stored and who is acting: {@code --data DIR} (SQLite, default {@code $RELIA_DATA} or
 * {@code ~/.relia}), {@code --db URL} (PostgreSQL; password from {@code RELIA_DB_PASSWORD}), {@code --as NAME},
 * and the policy file with the response targets.
 */
final class IncidentStoreOptions {

    /** Environment variable holding the PostgreSQL password, so it never appears in a process list. */
    static final String PASSWORD_VARIABLE = "RELIA_DB_PASSWORD";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory of the SQLite store (default: $RELIA_DATA, else ~/.relia).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "PostgreSQL instead of SQLite: jdbc:postgresql://HOST:PORT/DATABASE "
                    + "(password from $" + PASSWORD_VARIABLE + ").")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "PostgreSQL user (or user= in the URL).")
    String dbUser;

    @Option(names = "--as", paramLabel = "NAME",
            description = "Who is acting, for the timeline (default: $RELIA_USER, else the login name).")
    String actor;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Response targets and postmortem rule (default: DIR/incidents.yaml when it exists; "
                    + "see schemas/incident-policy.schema.json).")
    Path policy;

    @Option(names = "--server", paramLabel = "URL",
            description = "Work against a relia serve instead of a local store, e.g. http://127.0.0.1:8080 (token "
                    + "from --token-file, else $RELIA_TOKEN).")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the bearer token for --server (default: $RELIA_TOKEN).")
    Path tokenFile;

    /** Environment variable holding the bearer token for --server, so it never appears in a process list. */
    static final String TOKEN_VARIABLE = "RELIA_TOKEN";

    Path dataDirectory() {
        if (data != null) {
            return data;
        }
        String fromEnvironment = System.getenv("RELIA_DATA");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        return UserHome.directory().resolve(".relia");
    }

    /** Opens the store; a database that cannot be reached is an external failure (exit 3). */
    IncidentStore open() {
        if (server != null) {
            return remote();
        }
        StoreLocation location;
        if (db != null) {
            if (!db.startsWith("jdbc:postgresql:")) {
                throw new IncidentException("--db " + db + " is not a PostgreSQL JDBC URL; expected "
                        + "jdbc:postgresql://HOST:PORT/DATABASE (use --data DIR for SQLite)");
            }
            location = new StoreLocation.Postgres(db, dbUser, System.getenv(PASSWORD_VARIABLE));
        } else {
            location = new StoreLocation.Sqlite(dataDirectory());
        }
        try {
            return IncidentStores.open(location);
        } catch (StoreException failed) {
            throw new ExternalFailure(failed.getMessage(), failed);
        }
    }

    String actor() {
        if (actor != null && !actor.isBlank()) {
            return actor.strip();
        }
        String fromEnvironment = System.getenv("RELIA_USER");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        return System.getProperty("user.name", "unknown");
    }

    /** The policy of --policy, else the server's with --server, else the one beside the data (or the default). */
    IncidentPolicy policy() {
        if (server != null && policy == null) {
            try (RemoteIncidentStore remote = remote()) {
                return remote.policy();
            }
        }
        return settings().policy();
    }

    private RemoteIncidentStore remote() {
        if (server.getScheme() == null || !server.getScheme().startsWith("http") || server.getHost() == null) {
            throw new IncidentException("--server " + server + " is not an http(s) URL; expected e.g."
                    + " http://127.0.0.1:8080");
        }
        if (db != null || data != null) {
            throw new IncidentException("--server replaces --data and --db; give one of them");
        }
        String token = System.getenv(TOKEN_VARIABLE);
        if (tokenFile != null) {
            try {
                token = InputFiles.readString(tokenFile, StandardCharsets.UTF_8, InputFiles.MAX_SECRET_BYTES).strip();
            } catch (java.io.IOException unreadable) {
                throw new IncidentException("cannot read --token-file " + tokenFile + ": " + unreadable.getMessage());
            }
        }
        if (token == null || token.isBlank()) {
            throw new IncidentException("--server needs a token: --token-file FILE or $" + TOKEN_VARIABLE
                    + " (relia token create NAME on the server host prints one)");
        }
        return new RemoteIncidentStore(server, token.strip());
    }

    /** Everything incidents.yaml sets (policy, alert intake, notifications); defaults without a file. */
    IncidentSettings settings() {
        if (policy != null) {
            return IncidentPolicyFile.loadSettings(policy);
        }
        Path beside = dataDirectory().resolve("incidents.yaml");
        return db == null && Files.isRegularFile(beside) ? IncidentPolicyFile.loadSettings(beside)
                : IncidentSettings.DEFAULT;
    }

    /** Reads {@code 42} or {@code INC-42}. */
    static long incidentId(String text) {
        return id(text, "INC-", "incident");
    }

    /** Reads {@code 7} or {@code ACT-7}. */
    static long actionId(String text) {
        return id(text, "ACT-", "action item");
    }

    private static long id(String text, String prefix, String what) {
        String digits = text.strip();
        if (digits.regionMatches(true, 0, prefix, 0, prefix.length())) {
            digits = digits.substring(prefix.length());
        }
        try {
            long id = Long.parseLong(digits);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IncidentException("\"" + text + "\" is not an " + what + " id; expected a number such as 42 or "
                + prefix + "42");
    }
}

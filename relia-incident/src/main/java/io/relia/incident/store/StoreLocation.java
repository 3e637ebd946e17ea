package io.relia.incident.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the incident store lives: a SQLite file in a data directory (the default, {@code ~/.relia}), or a
 * PostgreSQL database named by a JDBC URL.
 */
public sealed interface StoreLocation {

    /** {@code DIR/relia.db}, in WAL mode with foreign keys on. */
    record Sqlite(Path dataDirectory) implements StoreLocation {
        public Sqlite {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        public Path databaseFile() {
            return dataDirectory.resolve("relia.db");
        }
    }

    /** A PostgreSQL database; user and password may also be in the URL. */
    record Postgres(String jdbcUrl, String user, String password) implements StoreLocation {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            user = user == null ? "" : user;
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Postgres[" + jdbcUrl + ", user=" + user + "]";
        }
    }

    /** Reads {@code --db}: a {@code jdbc:postgresql:} URL, or {@code jdbc:sqlite:} / a path for SQLite. */
    static StoreLocation parse(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new Postgres(url, user, password);
        }
        throw new io.relia.incident.IncidentException("unsupported --db \"" + url
                + "\"; expected jdbc:postgresql://HOST:PORT/DATABASE (use --data DIR for SQLite)");
    }
}

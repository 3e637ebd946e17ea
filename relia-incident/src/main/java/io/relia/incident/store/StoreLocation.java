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
}

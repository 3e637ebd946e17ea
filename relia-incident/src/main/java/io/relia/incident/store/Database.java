package io.relia.incident.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.relia.core.files.PrivateFiles;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A pooled connection to the store's database with its schema migrated by Flyway, and the one way to write:
 * {@link #inTransaction}. SQLite runs in WAL mode with {@code synchronous=FULL} (a commit that returned survives a
 * crash or power loss), foreign keys on, IMMEDIATE transactions and a busy timeout so that concurrent CLI
 * processes queue instead of failing.
 */
final class Database implements AutoCloseable {

    /** Wait for a pooled connection or SQLite's write lock before giving up, ms. */
    static final int BUSY_TIMEOUT_MS = 15_000;
    /** PostgreSQL connect and socket timeouts, s. */
    private static final int CONNECT_TIMEOUT_S = 10;
    private static final int SOCKET_TIMEOUT_S = 60;

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    static Database open(StoreLocation location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("relia-store");
        config.setConnectionTimeout(BUSY_TIMEOUT_MS);
        config.setAutoCommit(true);
        Dialect dialect;
        switch (location) {
            case StoreLocation.Sqlite sqlite -> {
                dialect = Dialect.SQLITE;
                config.setDataSource(sqlite(sqlite));
                // SQLite serialises writers; a few readers beside one writer is all a pool can use.
                config.setMaximumPoolSize(4);
                config.setMinimumIdle(1);
            }
            case StoreLocation.Postgres postgres -> {
                dialect = Dialect.POSTGRESQL;
                config.setJdbcUrl(postgres.jdbcUrl());
                if (!postgres.user().isEmpty()) {
                    config.setUsername(postgres.user());
                }
                if (!postgres.password().isEmpty()) {
                    config.setPassword(postgres.password());
                }
                config.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_S);
                config.addDataSourceProperty("socketTimeout", SOCKET_TIMEOUT_S);
                config.addDataSourceProperty("ApplicationName", "relia");
                config.setMaximumPoolSize(8);
                config.setMinimumIdle(0);
            }
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException cannotConnect) {
            throw new StoreException("cannot open the incident store " + describe(location) + ": "
                    + rootMessage(cannotConnect), cannotConnect);
        }
        try {
            migrate(pool, dialect);
        } catch (RuntimeException failed) {
            pool.close();
            throw failed;
        }
        return new Database(pool, dialect);
    }

    private static SQLiteDataSource sqlite(StoreLocation.Sqlite location) {
        Path directory = location.dataDirectory();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new StoreException("the data directory " + directory + " exists and is not a directory", null);
        }
        try {
            // Incident records name people and systems: only the owner reads the directories and the database
            // Relia creates. SQLite gives its -wal and -shm files the database file's mode.
            PrivateFiles.createDirectories(directory);
            PrivateFiles.createFileIfMissing(location.databaseFile());
        } catch (IOException cannotCreate) {
            throw new StoreException("cannot create the incident store in " + directory + ": "
                    + cannotCreate.getMessage(), cannotCreate);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + location.databaseFile().toAbsolutePath());
        return dataSource;
    }

    /**
     * Version of the newest migration under {@code db/migration} ({@code V<n>__*.sql}); a test keeps the two equal.
     * When the database is already at it, opening skips Flyway, whose class-path scan and validation would add
     * about 0.6 s to every CLI command.
     */
    static final int SCHEMA_VERSION = 4;

    private static void migrate(HikariDataSource pool, Dialect dialect) {
        if (currentVersion(pool) == SCHEMA_VERSION) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("id_column", dialect.idColumn()))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException failed) {
            throw new StoreException("cannot migrate the incident store's schema: " + rootMessage(failed), failed);
        }
    }

    /** The highest successfully applied migration, or -1 when the schema history is absent or unreadable. */
    static int currentVersion(javax.sql.DataSource pool) {
        try (Connection connection = pool.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")) {
            int highest = -1;
            while (result.next()) {
                highest = Math.max(highest, Integer.parseInt(result.getString(1)));
            }
            return highest;
        } catch (SQLException | NumberFormatException noHistory) {
            return -1;
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one transaction: commits when it returns, rolls back when it throws. */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failed) {
                rollback(connection, failed);
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException failed) {
            throw new StoreException("the incident store failed: " + rootMessage(failed), failed);
        }
    }

    /** Runs {@code work} on a connection outside any explicit transaction (reads). */
    <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException failed) {
            throw new StoreException("the incident store failed: " + rootMessage(failed), failed);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private static String describe(StoreLocation location) {
        return switch (location) {
            case StoreLocation.Sqlite sqlite -> sqlite.databaseFile().toString();
            case StoreLocation.Postgres postgres -> postgres.jdbcUrl();
        };
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}

package io.relia.incident.store;

import io.relia.incident.ApiToken;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStore;
import io.relia.incident.TokenScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on SQLite, plus what only SQLite has: the file, WAL mode and foreign keys. */
class SqliteIncidentStoreTest extends IncidentStoreContract {

    @TempDir
    Path dataDirectory;

    @Override
    IncidentStore openEmptyStore() {
        return IncidentStores.open(new StoreLocation.Sqlite(dataDirectory.resolve("data")));
    }

    @Test
    void keepsOneDatabaseFileInWalModeWithForeignKeysOn() throws Exception {
        store.create(Incident.declare("x", IncidentSeverity.SEV4, T0), "x", T0);
        Path file = dataDirectory.resolve("data").resolve("relia.db");

        assertThat(file).exists();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(single(statement, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(statement, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(single(statement, "SELECT count(*) FROM flyway_schema_history WHERE success = 1"))
                    .isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
        }
    }

    @Test
    void aStoreMadeByAnOlderReliaIsMigratedOnOpenWithItsDataKept() {
        store.close();
        store = null;
        Path old = dataDirectory.resolve("old");
        java.nio.file.Path file = old.resolve("relia.db");
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + mkdirs(old).resolve("relia.db"), "", "")
                .locations("classpath:db/migration").placeholders(java.util.Map.of("id_column",
                        Dialect.SQLITE.idColumn())).target("1").load().migrate();
        try (IncidentStore first = IncidentStores.open(new StoreLocation.Sqlite(old))) {
            assertThat(first.list(io.relia.incident.IncidentQuery.ALL)).isEmpty();
            assertThat(first.tokens().verify(first.tokens().create("x", T0))).map(ApiToken::name).contains("x");
        }
        assertThat(Database.currentVersion(new org.sqlite.SQLiteDataSource() {
            {
                setUrl("jdbc:sqlite:" + file);
            }
        })).isEqualTo(Database.SCHEMA_VERSION);
    }

    private static Path mkdirs(Path directory) {
        try {
            return java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void reopeningAnExistingStoreKeepsItsData() {
        long id = store.create(Incident.declare("kept", IncidentSeverity.SEV4, T0), "x", T0).id();
        store.close();

        store = openEmptyStore();

        assertThat(store.get(id).title()).isEqualTo("kept");
    }

    @Test
    void aNewDataDirectoryIsReadableByItsOwnerOnly() throws Exception {
        assertThat(java.nio.file.Files.getPosixFilePermissions(dataDirectory.resolve("data")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                        java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void theDatabaseAndItsWalFilesAreCreatedReadableByTheirOwnerOnly() throws Exception {
        store.create(Incident.declare("x", IncidentSeverity.SEV4, T0), "x", T0);
        Path data = dataDirectory.resolve("data");

        for (String name : List.of("relia.db", "relia.db-wal", "relia.db-shm")) {
            assertThat(Files.getPosixFilePermissions(data.resolve(name))).as(name)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void everyDirectoryTheStoreCreatesIsReadableByItsOwnerOnly() throws Exception {
        Path nested = dataDirectory.resolve("var").resolve("lib").resolve("relia");

        try (IncidentStore nestedStore = IncidentStores.open(new StoreLocation.Sqlite(nested))) {
            nestedStore.ping();
        }

        for (Path directory : List.of(dataDirectory.resolve("var"), dataDirectory.resolve("var").resolve("lib"),
                nested)) {
            assertThat(Files.getPosixFilePermissions(directory)).as(directory.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(Files.getPosixFilePermissions(nested.resolve("relia.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aTokenCreatedBeforeScopesKeepsEveryScopeAndIsMarkedLegacy() throws Exception {
        store.close();
        store = null;
        Path old = dataDirectory.resolve("old");
        Path file = mkdirs(old).resolve("relia.db");
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + file, "", "")
                .locations("classpath:db/migration").placeholders(java.util.Map.of("id_column",
                        Dialect.SQLITE.idColumn())).target("3").load().migrate();
        String token = TokenRows.PREFIX + "made-by-relia-0.1";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO api_tokens (name, token_hash, created_at) VALUES ('alertmanager', '"
                    + TokenRows.hash(token) + "', " + T0.toEpochMilli() + ")");
        }

        try (IncidentStore migrated = IncidentStores.open(new StoreLocation.Sqlite(old))) {
            ApiToken legacy = migrated.tokens().verify(token).orElseThrow();

            assertThat(legacy.legacy()).isTrue();
            assertThat(legacy.scopes()).containsExactlyElementsOf(TokenScope.ALL);
            assertThat(legacy.expires()).isEmpty();
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefusedClearly() throws Exception {
        Path file = java.nio.file.Files.writeString(dataDirectory.resolve("not-a-dir"), "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IncidentStores.open(new StoreLocation.Sqlite(file)))
                .isInstanceOf(StoreException.class).hasMessageContaining("exists and is not a directory");
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

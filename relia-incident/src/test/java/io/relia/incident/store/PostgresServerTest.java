package io.relia.incident.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself: a real PostgreSQL starts, creates a database and answers over JDBC. */
@Tag("integration")
class PostgresServerTest {

    @TempDir
    Path workDir;

    @Test
    void startsCreatesADatabaseAndAnswersOverJdbc() throws Exception {
        PostgresServer server = PostgresServer.start(workDir);
        Path dataDir = server.dataDirectory();
        try {
            String url = server.createDatabase("relia_harness");

            assertThat(url).isEqualTo(server.jdbcUrl("relia_harness")).startsWith("jdbc:postgresql://127.0.0.1:");
            try (Connection connection = DriverManager.getConnection(url, server.user(), "");
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select version()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).as("server log:\n%s", server.log()).startsWith("PostgreSQL");
            }
        } finally {
            server.close();
        }
        assertThat(dataDir).as("cluster deleted by close()").doesNotExist();
    }
}

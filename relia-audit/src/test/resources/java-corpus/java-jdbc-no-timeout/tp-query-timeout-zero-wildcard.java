import java.sql.*;

class Vacuum {
    void run(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(0); // expect: java/jdbc-no-timeout
            statement.execute("vacuum analyze " + table);
        }
    }
}

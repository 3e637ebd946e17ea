import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

class Finally {
    void truncate(Connection connection) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            statement.execute("truncate table events");
        } finally {
            statement.close();
        }
    }
}

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

class Query {
    int count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from events")) {
            ResultSet rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }
}

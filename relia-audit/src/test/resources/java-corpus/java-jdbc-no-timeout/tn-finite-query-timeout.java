import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

class CustomerSearch {
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    private final DataSource dataSource;

    CustomerSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    int count(String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from customers where name like ?")) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

class NightlyRollup {
    private final DataSource dataSource;

    NightlyRollup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    int rollUp(String day) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("call rollup_day(?)")) {
            statement.setQueryTimeout(0); // expect: java/jdbc-no-timeout
            statement.setString(1, day);
            return statement.executeUpdate();
        }
    }
}

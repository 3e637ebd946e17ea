import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

class LegacyReports {
    Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("socketTimeout", "60");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://reports:5432/legacy", properties);
    }
}

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

class ReportingDatabase {
    private static final String URL = "jdbc:mariadb://reporting:3306/reports"; // expect: java/jdbc-no-timeout

    Connection open(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2000");
        return DriverManager.getConnection(URL, properties);
    }
}

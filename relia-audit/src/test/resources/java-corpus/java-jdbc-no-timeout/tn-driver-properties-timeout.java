import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

class OracleSource {
    private static final String URL = "jdbc:oracle:thin:@//core:1521/CORE";

    // the timeouts travel in the Properties handed to the driver, not in the URL
    Connection open(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("oracle.net.CONNECT_TIMEOUT", "5000");
        properties.setProperty("oracle.jdbc.ReadTimeout", "60000");
        Driver driver = DriverManager.getDriver(URL);
        return driver.connect(URL, properties);
    }
}

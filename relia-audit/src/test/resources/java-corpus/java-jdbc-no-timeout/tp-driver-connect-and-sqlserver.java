import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

class LegacyWarehouse {
    private static final String LEDGER = "jdbc:sqlserver://ledger:1433;databaseName=ledger;encrypt=true"; // expect: java/jdbc-no-timeout

    Connection ledger(Properties credentials) throws SQLException {
        Driver driver = DriverManager.getDriver(LEDGER);
        return driver.connect(LEDGER, credentials);
    }

    Connection archive(Properties credentials) throws SQLException {
        return DriverManager.getConnection("jdbc:oracle:thin:@//archive:1521/ARCH", credentials); // expect: java/jdbc-no-timeout
    }
}

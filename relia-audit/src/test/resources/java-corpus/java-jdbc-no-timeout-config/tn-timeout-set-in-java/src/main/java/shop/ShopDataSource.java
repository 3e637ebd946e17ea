package shop;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** The URL comes from configuration; the code adds the driver's timeouts to every connection of the pool. */
final class ShopDataSource {
    static DataSource create(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.addDataSourceProperty("socketTimeout", "30000");
        config.addDataSourceProperty("connectTimeout", "2000");
        return new HikariDataSource(config);
    }
}

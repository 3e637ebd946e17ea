import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

class AnalyticsDataSource {
    DataSource dataSource(String host, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL("jdbc:postgresql://" + host + ":5432/analytics?tcpKeepAlive=true"); // expect: java/jdbc-no-timeout
        source.setUser("analytics");
        source.setPassword(password);
        source.setConnectTimeout(5);
        return source;
    }
}

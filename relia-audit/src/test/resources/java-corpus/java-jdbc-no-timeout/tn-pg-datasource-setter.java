import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

class EventsDataSource {
    DataSource dataSource(String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL("jdbc:postgresql://events-db:5432/events");
        source.setUser("events");
        source.setPassword(password);
        source.setConnectTimeout(5);
        source.setSocketTimeout(30);
        return source;
    }
}

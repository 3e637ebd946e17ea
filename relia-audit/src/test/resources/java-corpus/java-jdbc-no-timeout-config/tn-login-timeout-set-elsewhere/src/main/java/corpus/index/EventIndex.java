package corpus.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connects to a URL from the settings; the project's startup bounds every DriverManager login (Startup.java). */
final class EventIndex {
    private final String url;

    EventIndex(String url) {
        this.url = url;
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url);
    }

    // An embedded database written in the call: judged by its driver, and SQLite has no network to wait on.
    Connection scratch() throws SQLException {
        String local = "jdbc:sqlite:scratch.db";
        return DriverManager.getConnection(local);
    }
}

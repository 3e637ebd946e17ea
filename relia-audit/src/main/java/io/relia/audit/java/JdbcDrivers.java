package io.relia.audit.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JDBC drivers whose URLs {@code java/jdbc-no-timeout} reads, with the connection properties that bound a connect
 * and a socket read, and whether each is needed: only a timeout whose driver default is infinite is asked for.
 * Property names are matched without regard to case, as the drivers do.
 *
 * <p>Sources (driver documentation, property tables): MySQL Connector/J 8 "Configuration Properties" (connectTimeout
 * and socketTimeout in ms, both default 0 = no timeout); MariaDB Connector/J 3 "optional parameters" (connectTimeout
 * default 30 000 ms, socketTimeout default 0); PostgreSQL pgjdbc "Connecting to the Database" (connectTimeout default
 * 10 s, socketTimeout in seconds default 0; loginTimeout unset); Microsoft JDBC Driver for SQL Server "Setting the
 * connection properties" (loginTimeout default 30 s, socketTimeout in ms default 0); Oracle JDBC thin
 * (oracle.net.CONNECT_TIMEOUT and oracle.jdbc.ReadTimeout in ms, both unset by default, so the OS TCP timeouts apply
 * to the connect and reads wait forever).
 */
final class JdbcDrivers {

    /** One driver: its URL prefix, a display name, the properties that set each timeout, and which are needed. */
    record Driver(String prefix, String name, List<String> connectNames, List<String> readNames,
                  boolean connectNeeded, String example) {
        Driver {
            connectNames = List.copyOf(connectNames);
            readNames = List.copyOf(readNames);
        }

        Set<String> connect() {
            return lower(connectNames);
        }

        Set<String> read() {
            return lower(readNames);
        }

        /**
         * The needed timeouts that {@code parameters} (URL or property text) does not set; the connect timeout only
         * when {@code direct} (DriverManager, Driver.connect): a pool bounds the connect with its own login timeout.
         */
        List<String> missing(String parameters, boolean direct) {
            String text = parameters.toLowerCase(Locale.ROOT);
            List<String> missing = new ArrayList<>();
            if (direct && connectNeeded && connect().stream().noneMatch(name -> sets(text, name))) {
                missing.add(connectNames.get(0));
            }
            if (read().stream().noneMatch(name -> sets(text, name))) {
                missing.add(readNames.get(0));
            }
            return missing;
        }

        private static boolean sets(String text, String name) {
            return text.contains(name + "=") || text.contains(name + " =");
        }

        private static Set<String> lower(List<String> names) {
            return Set.copyOf(names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
        }
    }

    static final List<Driver> ALL = List.of(
            new Driver("jdbc:mysql:", "MySQL", List.of("connectTimeout"), List.of("socketTimeout"), true,
                    "connectTimeout=5000&socketTimeout=30000 (ms)"),
            new Driver("jdbc:mariadb:", "MariaDB", List.of("connectTimeout"), List.of("socketTimeout"), false,
                    "socketTimeout=30000 (ms)"),
            new Driver("jdbc:postgresql:", "PostgreSQL", List.of("connectTimeout"), List.of("socketTimeout"), false,
                    "socketTimeout=30 (seconds)"),
            new Driver("jdbc:sqlserver:", "SQL Server", List.of("loginTimeout"), List.of("socketTimeout"), false,
                    "socketTimeout=30000 (ms)"),
            new Driver("jdbc:oracle:", "Oracle", List.of("oracle.net.CONNECT_TIMEOUT", "CONNECT_TIMEOUT"),
                    List.of("oracle.jdbc.ReadTimeout", "oracle.net.READ_TIMEOUT"), true,
                    "the oracle.net.CONNECT_TIMEOUT and oracle.jdbc.ReadTimeout connection properties (ms)"));

    private JdbcDrivers() {
    }

    /** The driver of a URL that starts with one of the prefixes. */
    static Optional<Driver> of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(driver -> lower.startsWith(driver.prefix())).findFirst();
    }

    /**
     * What {@code literal}, a string in the file, sets for the drivers' timeouts: {@code "name="} for a bare property
     * name (a Properties key, an addDataSourceProperty argument), the literal itself when it holds {@code name=}
     * pairs (setConnectionProperties), else nothing.
     */
    static String settingIn(String literal) {
        String lower = literal.toLowerCase(Locale.ROOT);
        for (Driver driver : ALL) {
            for (String name : driver.connect()) {
                if (lower.equals(name)) {
                    return name + "=;";
                }
            }
            for (String name : driver.read()) {
                if (lower.equals(name)) {
                    return name + "=;";
                }
            }
        }
        // "socketTimeout=30000;connectTimeout=5000" as given to setConnectionProperties, not a piece of a URL
        boolean pairs = lower.contains("timeout=") && !lower.contains("?") && !lower.contains("/");
        return pairs ? lower + ";" : "";
    }
}

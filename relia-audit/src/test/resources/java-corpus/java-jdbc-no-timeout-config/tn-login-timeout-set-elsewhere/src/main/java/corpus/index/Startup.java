package corpus.index;

import java.sql.DriverManager;

/** Bounds the login of every DriverManager connection the process opens. */
final class Startup {
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private Startup() {
    }

    static void configure() {
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    }
}

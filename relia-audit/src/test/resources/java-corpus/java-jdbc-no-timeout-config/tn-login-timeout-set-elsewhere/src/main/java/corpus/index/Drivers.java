package corpus.index;

/** The driver the deployment's URLs name. */
final class Drivers {
    static final String MYSQL = "com.mysql.cj.jdbc.Driver";

    private Drivers() {
    }
}

import java.util.Locale;

/** The conversion is the test: its failure is the answer "not a known type". */
class TypeNames {
    enum Type { TEXT, NUMBER, DATE }

    static boolean known(String name) {
        try {
            Type.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (Exception e) {
            return false;
        }
        return true;
    }
}

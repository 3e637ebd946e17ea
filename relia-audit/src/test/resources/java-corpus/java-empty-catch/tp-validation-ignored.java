import java.util.Locale;

/** The conversion is only a check, and its failure is dropped: an invalid mode passes as a valid one. */
class ModeCheck {
    enum Mode { APPEND, REPLACE }

    void validate(String mode) {
        try {
            Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) { } // expect: java/empty-catch
    }
}

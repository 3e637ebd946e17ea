import java.time.Duration;

class Settings {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    Duration timeout(String configured) {
        try {
            return Duration.parse(configured);
        } catch (RuntimeException e) {
            return DEFAULT_TIMEOUT;
        }
    }
}

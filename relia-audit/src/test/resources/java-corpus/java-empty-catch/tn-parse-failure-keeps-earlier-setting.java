import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Map;

/**
 * Two ways to give the start: milliseconds, or a date that wins when it parses. Only a ParseException is caught,
 * so the call can fail in no other way here, and the field keeps the value set just before.
 */
class WindowSettings {
    private long startMillis;

    void load(Map<String, String> settings) {
        this.startMillis = Long.parseLong(settings.getOrDefault("startMillis", "-1"));
        String startDate = settings.get("startDate");
        if (startDate != null) {
            try {
                startMillis = toMillis(startDate);
            } catch (ParseException e) {
            }
        }
    }

    private static long toMillis(String date) throws ParseException {
        return new SimpleDateFormat("yyyy-MM-dd").parse(date).getTime();
    }
}

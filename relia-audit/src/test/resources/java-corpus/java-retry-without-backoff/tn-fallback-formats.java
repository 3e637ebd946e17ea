import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

class Formats {
    LocalDate parse(String text, List<DateTimeFormatter> formats) {
        for (int i = 0; i < formats.size(); i++) {
            try {
                return LocalDate.parse(text, formats.get(i));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }
}

import java.math.BigDecimal;
import java.util.UUID;

/** A reply decoder: each branch tries to read the text as a richer value; the raw text is the answer otherwise. */
class ReplyDecoder {
    Object decode(String text) {
        if (text.isEmpty()) {
            return text;
        }
        if (Character.isDigit(text.charAt(0))) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
            }
        } else if (text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
            }
        }
        return text;
    }
}

import java.net.URI;
import java.util.Optional;

class Links {
    Optional<URI> parse(String text) {
        try {
            return Optional.of(URI.create(text));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}

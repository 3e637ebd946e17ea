import java.util.ArrayList;
import java.util.List;

class RequestLog {
    private final List<String> lines = new ArrayList<>();

    void log(String line) {
        lines.add(line);
    }
}

import java.io.BufferedReader;
import java.io.IOException;

class Lines {
    int count(BufferedReader reader) throws IOException {
        int bad = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            try {
                Integer.parseInt(line);
            } catch (NumberFormatException e) {
                bad++;
            }
        }
        return bad;
    }
}

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;

class Wrapped {
    String firstLine(String path) throws IOException {
        FileReader reader = new FileReader(path);
        try (BufferedReader buffered = new BufferedReader(reader)) {
            return buffered.readLine();
        }
    }
}

import java.io.IOException;

class Specific {
    String load(Source source) {
        try {
            return source.read();
        } catch (IOException e) {
            return "";
        }
    }

    interface Source {
        String read() throws IOException;
    }
}

import java.io.IOException;

class Multi {
    String load(Source source) {
        try {
            return source.read();
        } catch (IOException | RuntimeException e) { return ""; } // expect: java/exception-swallowed
    }

    interface Source {
        String read() throws IOException;
    }
}

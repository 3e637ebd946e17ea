import org.springframework.retry.annotation.Retryable;

import java.io.IOException;

class Quotes {
    @Retryable(IOException.class) // expect: java/retry-without-backoff
    String quote(String symbol) throws IOException {
        return feed().latest(symbol);
    }

    Feed feed() {
        return null;
    }

    interface Feed {
        String latest(String symbol) throws IOException;
    }
}

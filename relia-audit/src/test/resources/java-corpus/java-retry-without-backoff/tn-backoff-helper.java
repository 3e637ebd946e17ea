import java.io.IOException;

class BackoffHelper {
    String call(Client client) throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return client.fetch();
            } catch (IOException e) {
                Thread.sleep(delayFor(attempt));
            }
        }
        throw new IOException("gave up");
    }

    private static long delayFor(int attempt) {
        return 100L * (1L << attempt);
    }

    interface Client {
        String fetch() throws IOException;
    }
}

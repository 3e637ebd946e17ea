import java.io.IOException;

class Constant {
    String call(Client client) throws IOException, InterruptedException {
        int attempts = 0;
        while (attempts < 5) { // expect: java/retry-without-backoff
            attempts++;
            try {
                return client.fetch();
            } catch (IOException e) {
                Thread.sleep(1_000);
            }
        }
        throw new IOException("gave up");
    }

    interface Client {
        String fetch() throws IOException;
    }
}

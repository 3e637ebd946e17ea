import java.io.IOException;

class ForEver {
    void connect(Client client) throws InterruptedException {
        for (long backoff = 50; ; backoff *= 2) { // expect: java/retry-unbounded
            try {
                client.connect();
                break;
            } catch (IOException e) {
                Thread.sleep(backoff);
            }
        }
    }

    interface Client {
        void connect() throws IOException;
    }
}

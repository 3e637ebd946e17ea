import java.io.IOException;
import java.util.concurrent.TimeUnit;

class DoWhile {
    void send(Client client) throws InterruptedException {
        int tries = 0;
        do { // expect: java/retry-without-backoff
            try {
                client.send();
                break;
            } catch (IOException e) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } while (++tries < 4);
    }

    interface Client {
        void send() throws IOException;
    }
}

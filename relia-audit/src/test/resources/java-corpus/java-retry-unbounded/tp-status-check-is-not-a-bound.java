import java.io.IOException;

class StatusLoop {
    int call(Client client) throws InterruptedException {
        int delay = 100;
        while (true) { // expect: java/retry-unbounded, java/retry-without-backoff
            try {
                int status = client.status();
                if (status == 200) {
                    return status;
                }
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
    }

    interface Client {
        int status() throws IOException;
    }
}

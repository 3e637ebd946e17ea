import java.io.IOException;

class DoForever {
    String call(Client client) throws InterruptedException {
        long wait = 10;
        do { // expect: java/retry-unbounded
            try {
                return client.fetch();
            } catch (IOException e) {
                Thread.sleep(wait);
                wait = wait << 1;
            }
        } while (true);
    }

    interface Client {
        String fetch() throws IOException;
    }
}

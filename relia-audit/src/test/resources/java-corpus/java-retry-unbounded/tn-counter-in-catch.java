import java.io.IOException;

class Counted {
    String call(Client client) throws IOException, InterruptedException {
        int failures = 0;
        while (true) {
            try {
                return client.fetch();
            } catch (IOException e) {
                if (++failures > 5) {
                    throw e;
                }
                Thread.sleep(100L * failures);
            }
        }
    }

    interface Client {
        String fetch() throws IOException;
    }
}

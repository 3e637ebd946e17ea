import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

class Exponential {
    String call(Client client) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.fetch();
            } catch (IOException e) {
                if (attempt >= 4) {
                    throw e;
                }
                Thread.sleep((100L << attempt) + ThreadLocalRandom.current().nextLong(100));
            }
        }
    }

    interface Client {
        String fetch() throws IOException;
    }
}

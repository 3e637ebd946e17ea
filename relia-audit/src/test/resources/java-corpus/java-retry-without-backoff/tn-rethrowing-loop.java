import java.io.IOException;
import java.util.List;

class Batches {
    void send(Client client, List<String> batches) throws IOException {
        int i = 0;
        while (i < batches.size()) {
            try {
                client.send(batches.get(i));
                i++;
            } catch (IOException e) {
                throw new IOException("batch " + i + " failed", e);
            }
        }
    }

    interface Client {
        void send(String batch) throws IOException;
    }
}

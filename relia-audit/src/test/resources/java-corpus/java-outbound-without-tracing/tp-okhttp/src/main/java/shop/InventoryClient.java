package shop;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

final class InventoryClient {
    private final OkHttpClient client;

    InventoryClient(OkHttpClient client) {
        this.client = client;
    }

    String stock(String sku) throws IOException {
        Request request = new Request.Builder().url("http://inventory/stock/" + sku).build();
        try (Response response = client.newCall(request).execute()) { // expect: java/outbound-without-tracing
            return response.body().string();
        }
    }
}

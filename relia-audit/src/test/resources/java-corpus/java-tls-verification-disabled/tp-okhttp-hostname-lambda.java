package shop;

import java.time.Duration;
import okhttp3.OkHttpClient;

final class InventoryHttp {
    static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .callTimeout(Duration.ofSeconds(5))
                .hostnameVerifier((hostname, session) -> true) // expect: java/tls-verification-disabled
                .build();
    }
}

import java.time.Duration;
import okhttp3.OkHttpClient;

class OkFinite {
    OkHttpClient client() {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5))
                .build();
    }
}

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

class Ok {
    OkHttpClient client() {
        return new OkHttpClient.Builder()
                .connectTimeout(0, TimeUnit.SECONDS) // expect: java/http-client-no-timeout
                .build();
    }
}

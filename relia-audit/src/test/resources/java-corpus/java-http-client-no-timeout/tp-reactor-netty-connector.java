import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

class ShippingClientConfig {
    WebClient shippingClient() {
        HttpClient httpClient = HttpClient.create() // expect: java/http-client-no-timeout
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .compress(true);
        return WebClient.builder()
                .baseUrl("http://shipping.internal")
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
    }
}

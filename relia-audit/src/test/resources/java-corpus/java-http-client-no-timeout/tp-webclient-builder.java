import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
class ClientsConfig {

    @Bean
    WebClient paymentsClient() {
        return WebClient.builder() // expect: java/http-client-no-timeout
                .baseUrl("https://payments.internal")
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }
}

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
class ReviewsConfig {

    /** Spring Boot's builder carries the connector and timeouts configured for the whole application. */
    @Bean
    WebClient reviewsClient(WebClient.Builder builder) {
        return builder.baseUrl("http://reviews.internal").build();
    }

    @Bean
    WebClient.Builder tracingBuilder() {
        // completed by the auto-configured customizers, which add the connector
        return WebClient.builder().filter((request, next) -> next.exchange(request));
    }
}

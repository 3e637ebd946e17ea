import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

class ProfileClient {
    private final WebClient client = WebClient.create("http://profiles.internal"); // expect: java/http-client-no-timeout

    Mono<Profile> profile(String id) {
        return client.get().uri("/profiles/{id}", id).retrieve().bodyToMono(Profile.class);
    }

    record Profile(String id, String name) {
    }
}

import org.springframework.web.client.RestTemplate;

class Config {
    RestTemplate restTemplate() {
        return new RestTemplate(); // expect: java/http-client-no-timeout
    }
}

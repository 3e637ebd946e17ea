package shop;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestTemplate;

// Test code: the bean talks to a stub server started by the test, never to a remote service.
@TestConfiguration
class StubbedClients {

    @Bean
    RestTemplate restTemplate() {
        return new RestTemplate();
    }
}

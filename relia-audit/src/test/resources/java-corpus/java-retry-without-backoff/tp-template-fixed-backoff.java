import org.springframework.retry.backoff.NoBackOffPolicy;
import org.springframework.retry.support.RetryTemplate;

import java.io.IOException;

class Templates {
    RetryTemplate fixed() {
        return RetryTemplate.builder()
                .maxAttempts(3)
                .fixedBackoff(500) // expect: java/retry-without-backoff
                .build();
    }

    RetryTemplate immediate() {
        return RetryTemplate.builder().maxAttempts(3).retryOn(IOException.class).build(); // expect: java/retry-without-backoff
    }

    RetryTemplate noPolicy() {
        RetryTemplate template = new RetryTemplate();
        template.setBackOffPolicy(new NoBackOffPolicy()); // expect: java/retry-without-backoff
        return template;
    }

    String direct(Client client) throws IOException {
        return new RetryTemplate().execute(context -> client.fetch()); // expect: java/retry-without-backoff
    }

    interface Client {
        String fetch() throws IOException;
    }
}

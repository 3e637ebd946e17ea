import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.support.RetryTemplate;

import java.io.IOException;

class BackingOff {
    RetryTemplate built() {
        return RetryTemplate.builder()
                .maxAttempts(5)
                .exponentialBackoff(100, 2, 5000, true)
                .build();
    }

    String local(Client client) throws IOException {
        RetryTemplate template = new RetryTemplate();
        template.setBackOffPolicy(new ExponentialRandomBackOffPolicy());
        return template.execute(context -> client.fetch());
    }

    RetryTemplate bean() {
        return new RetryTemplate();
    }

    interface Client {
        String fetch() throws IOException;
    }
}

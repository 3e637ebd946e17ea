import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.policy.AlwaysRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

class AlwaysRetrying {
    RetryTemplate template() {
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(new AlwaysRetryPolicy()); // expect: java/retry-unbounded
        template.setBackOffPolicy(new ExponentialBackOffPolicy());
        return template;
    }
}

import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.policy.AlwaysRetryPolicy;
import org.springframework.retry.policy.CompositeRetryPolicy;
import org.springframework.retry.policy.TimeoutRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

class UntilTimeout {
    RetryTemplate template() {
        CompositeRetryPolicy composite = new CompositeRetryPolicy();
        TimeoutRetryPolicy timeout = new TimeoutRetryPolicy();
        timeout.setTimeout(30_000);
        composite.setPolicies(new RetryPolicy[] {new AlwaysRetryPolicy(), timeout});
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(composite);
        template.setBackOffPolicy(new ExponentialRandomBackOffPolicy());
        return template;
    }
}

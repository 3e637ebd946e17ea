package shop;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Feign without spring.cloud.openfeign.circuitbreaker.enabled: the fallback never runs, no breaker trips. */
@FeignClient(name = "account-service", fallback = AccountClientFallback.class)
interface AccountClient {
    @GetMapping("/accounts/{name}")
    String account(@PathVariable("name") String name);
}

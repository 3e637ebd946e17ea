package shop;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.client.RestTemplate;

/** Micrometer counts the calls, but nothing carries a trace ID to pricing. */
final class PricingClient {
    private final RestTemplate rest;
    private final MeterRegistry registry;

    PricingClient(RestTemplate rest, MeterRegistry registry) {
        this.rest = rest;
        this.registry = registry;
    }

    String price(String sku) {
        registry.counter("pricing.calls").increment();
        return rest.getForObject("http://pricing/prices/{sku}", String.class, sku); // expect: java/outbound-without-tracing
    }
}

package shop;

import org.springframework.web.client.RestTemplate;

final class PricingClient {
    private final RestTemplate rest;

    PricingClient(RestTemplate rest) {
        this.rest = rest;
    }

    String price(String sku) {
        return rest.getForObject("http://pricing/prices/{sku}", String.class, sku);
    }
}

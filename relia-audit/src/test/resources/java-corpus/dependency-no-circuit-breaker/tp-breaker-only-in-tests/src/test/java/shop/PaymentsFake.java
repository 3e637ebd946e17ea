package shop;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

final class PaymentsFake {
    static final CircuitBreaker BREAKER = CircuitBreaker.ofDefaults("payments");
}

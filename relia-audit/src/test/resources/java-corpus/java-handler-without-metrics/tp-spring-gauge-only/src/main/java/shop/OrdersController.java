package shop;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Micrometer is here, but only for a queue-size gauge: requests are neither counted nor timed. */
@RestController
class OrdersController { // expect: java/handler-without-metrics
    private final List<String> pending = new CopyOnWriteArrayList<>();

    OrdersController(MeterRegistry registry) {
        Gauge.builder("orders.pending", pending, List::size).register(registry);
    }

    @GetMapping("/orders")
    List<String> orders() {
        return pending;
    }

    @GetMapping("/health")
    String health() {
        return "up";
    }
}

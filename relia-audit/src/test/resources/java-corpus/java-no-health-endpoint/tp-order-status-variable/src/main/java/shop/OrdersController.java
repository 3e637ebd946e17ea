package shop;

import io.micrometer.core.annotation.Timed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** /orders/{id}/status is an order's status, not the service's health. */
@RestController
@Timed
class OrdersController { // expect: java/no-health-endpoint

    @GetMapping("/orders/{id}/status")
    String status(@PathVariable String id) {
        return "shipped";
    }
}

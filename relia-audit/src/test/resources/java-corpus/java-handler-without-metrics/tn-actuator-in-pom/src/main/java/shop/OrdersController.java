package shop;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Actuator records http.server.requests (count and latency by status) for every controller. */
@RestController
class OrdersController {

    @GetMapping("/orders")
    List<String> orders() {
        return List.of();
    }
}

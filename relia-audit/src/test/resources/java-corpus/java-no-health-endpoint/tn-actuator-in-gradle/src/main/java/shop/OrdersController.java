package shop;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Actuator serves /actuator/health, and http.server.requests metrics, for the whole application. */
@RestController
class OrdersController {

    @GetMapping("/orders")
    List<String> orders() {
        return List.of();
    }
}

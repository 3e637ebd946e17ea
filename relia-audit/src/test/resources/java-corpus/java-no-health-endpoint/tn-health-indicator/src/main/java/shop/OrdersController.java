package shop;

import io.micrometer.core.annotation.Timed;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrdersController {

    @Timed
    @GetMapping("/orders")
    List<String> orders() {
        return List.of();
    }
}

package shop;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;

@FeignClient(name = "payments", url = "${clients.payments.url}")
interface PaymentsApi {
    @PostMapping("/payments")
    String charge(String order);
}

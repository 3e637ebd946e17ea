package io.relia.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code POST /checkout}: pays the order through payments; 200 when captured, 502 when payments failed. */
final class CheckoutHandler implements HttpHandler {
    private final PaymentsClient payments;

    /** The body of a 200: the order is paid. */
    record Paid(String order, String status, String paymentId, long amountCents) {
    }

    /** The body of a 502: payments could not capture the order. */
    record NotPaid(String order, String status, String error) {
    }

    CheckoutHandler(PaymentsClient payments) {
        this.payments = payments;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            JsonHttp.requireMethod(exchange, "POST");
            Charge charge = JsonHttp.read(exchange, Charge.class);
            try {
                Payment payment = payments.charge(charge);
                JsonHttp.send(exchange, 200, new Paid(charge.order(), "paid", payment.paymentId(),
                        payment.amountCents()));
            } catch (PaymentFailedException e) {
                Log.warn("order " + charge.order() + " not paid: " + e.getMessage());
                JsonHttp.send(exchange, 502, new NotPaid(charge.order(), "payment_failed", e.getMessage()));
            }
        } catch (RequestRejected e) {
            JsonHttp.reject(exchange, e);
        }
    }
}

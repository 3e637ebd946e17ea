package io.relia.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code POST /checkout}: pays the order through payments; 200 when captured, 502 when payments failed. In the
 * resilient profile, an order whose payment timed out is accepted as pending (202) and captured later, or refused
 * with 503 when too many are pending.
 */
final class CheckoutHandler implements HttpHandler {
    private final Payments payments;
    private final PendingCaptures pending;

    /** The body of a 200: the order is paid. */
    record Paid(String order, String status, String paymentId, long amountCents) {
    }

    /** The body of a 502: payments could not capture the order. */
    record NotPaid(String order, String status, String error) {
    }

    /** The body of a 202: payments is slow; the order is accepted and will be captured later. */
    record Pending(String order, String status) {
    }

    /** @param pending where orders go when payments times out, or null to answer 502 as shipped */
    CheckoutHandler(Payments payments, PendingCaptures pending) {
        this.payments = payments;
        this.pending = pending;
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
            } catch (PaymentTimeoutException e) {
                if (pending != null && pending.offer(charge)) {
                    Log.warn("order " + charge.order() + " pending: " + e.getMessage());
                    JsonHttp.send(exchange, 202, new Pending(charge.order(), "payment_pending"));
                } else {
                    JsonHttp.send(exchange, 503, new NotPaid(charge.order(), "payment_failed", e.getMessage()));
                }
            } catch (PaymentFailedException e) {
                Log.warn("order " + charge.order() + " not paid: " + e.getMessage());
                JsonHttp.send(exchange, 502, new NotPaid(charge.order(), "payment_failed", e.getMessage()));
            }
        } catch (RequestRejected e) {
            JsonHttp.reject(exchange, e);
        }
    }
}

package io.relia.example;

import tools.jackson.core.JacksonException;

/**
 * A captured payment: the body of a 200 answer of {@code POST /payments}.
 *
 * @param status      always {@code captured}
 * @param paymentId   the payment's id, {@code pay-000001}...
 * @param order       the order paid
 * @param amountCents the amount captured, cents
 */
record Payment(String status, String paymentId, String order, long amountCents) {

    /** Reads the body of a 200 answer of payments. */
    static Payment parse(String body) throws PaymentFailedException {
        try {
            return JsonHttp.MAPPER.readValue(body, Payment.class);
        } catch (JacksonException e) {
            throw new PaymentFailedException("unreadable answer from payments: " + e.getOriginalMessage(), e);
        }
    }
}

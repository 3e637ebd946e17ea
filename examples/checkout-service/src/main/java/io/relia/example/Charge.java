package io.relia.example;

/**
 * An order to pay: the body of {@code POST /checkout} and of {@code POST /payments}.
 *
 * @param order       the order id, 1..64 characters
 * @param amountCents the amount to capture, cents, positive
 */
record Charge(String order, long amountCents) {
    private static final int MAX_ORDER_LENGTH = 64;

    Charge {
        if (order == null || order.isBlank() || order.length() > MAX_ORDER_LENGTH) {
            throw new IllegalArgumentException("order must be 1.." + MAX_ORDER_LENGTH + " characters");
        }
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amount_cents must be a positive number of cents");
        }
    }
}

package io.relia.example;

/** Payments did not capture a charge: it refused, failed, or could not be reached. */
class PaymentFailedException extends Exception {
    PaymentFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

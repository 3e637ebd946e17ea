package io.relia.example;

/** Payments did not answer within the timeout: it may be hung, and may still capture the charge later. */
final class PaymentTimeoutException extends PaymentFailedException {
    PaymentTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.relia.example;

/** How checkout captures a charge: the client as shipped, or the resilient one. */
interface Payments extends AutoCloseable {

    /** Captures {@code charge}, or says why it could not. */
    Payment charge(Charge charge) throws PaymentFailedException;

    @Override
    void close();
}

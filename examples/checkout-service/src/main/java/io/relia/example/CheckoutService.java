package io.relia.example;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The checkout service: takes an order and has payments capture it. */
final class CheckoutService {

    private CheckoutService() {
    }

    /**
     * Starts checkout, calling the payments service at {@code options.paymentsUrl()}: as shipped, or in the
     * resilient profile when {@code --payments-timeout} is given.
     */
    static HttpService start(Options options) throws IOException {
        Payments payments = options.paymentsTimeout().isPresent()
                ? new TimedPaymentsClient(options.paymentsUrl(), options.paymentsTimeout().get())
                : new PaymentsClient(options.paymentsUrl());
        PendingCaptures pending = options.paymentsTimeout().isPresent() ? new PendingCaptures(payments) : null;
        ExecutorService executor = Executors.newCachedThreadPool();
        CheckoutHandler checkout = new CheckoutHandler(payments, pending);
        AutoCloseable resources = () -> {
            if (pending != null) {
                pending.close();
            }
            payments.close();
        };
        return HttpService.start("checkout", options.address(), executor, Map.of("/checkout", checkout), resources);
    }
}

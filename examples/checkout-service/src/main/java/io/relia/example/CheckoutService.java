package io.relia.example;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The checkout service: takes an order and has payments capture it. */
final class CheckoutService {

    private CheckoutService() {
    }

    /** Starts checkout, calling the payments service at {@code options.paymentsUrl()}. */
    static HttpService start(Options options) throws IOException {
        PaymentsClient payments = new PaymentsClient(options.paymentsUrl());
        ExecutorService executor = Executors.newCachedThreadPool();
        CheckoutHandler checkout = new CheckoutHandler(payments);
        return HttpService.start("checkout", options.address(), executor, Map.of("/checkout", checkout), payments);
    }
}

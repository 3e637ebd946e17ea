package io.relia.chaos.proxy;

import io.relia.chaos.ChaosProxy;
import java.io.IOException;
import java.util.Optional;

/**
 * A chaos proxy server in a process of its own, for {@link DescriptorLimitTest}: prints the admin API's URL, then
 * serves until its standard input ends (the test closes it, or dies).
 */
final class LimitedProxyMain {
    private LimitedProxyMain() {
    }

    public static void main(String[] args) throws IOException {
        try (ChaosProxy proxy = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), true))) {
            System.out.println(proxy.adminUri());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input
            }
        }
    }
}

package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.DeclaredProxy;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Provider;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the proxies a method faults carry the service's calls once traffic flows. With no connection open
 * through one after the warm-up, the service under test is probably not configured to call it (checkout started
 * without the proxy's address): its faults would not reach the service, and the run would pass for the wrong
 * reason. Only a warning: a service may call a dependency rarely, or close each connection at once.
 */
final class ProxyUse {

    private ProxyUse() {
    }

    /** One warning per faulted proxy with no open connection; none when the server cannot say (Toxiproxy). */
    static List<String> unused(Experiment experiment, ActivityExecutor executor) throws InterruptedException {
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<URI, String> proxy : faulted(experiment)) {
            Optional<Integer> open = executor.openConnections(proxy.getKey(), proxy.getValue());
            if (open.isPresent() && open.get() == 0) {
                String listen = experiment.proxies().stream().filter(declared -> declared.name()
                        .equals(proxy.getValue())).map(DeclaredProxy::listen).findFirst().orElse("its address");
                warnings.add("no connection is open through proxy " + proxy.getValue() + " after the warm-up: if "
                        + "the service under test does not call " + listen + ", the faults will not reach it");
            }
        }
        return warnings;
    }

    private static Set<Map.Entry<URI, String>> faulted(Experiment experiment) {
        Set<Map.Entry<URI, String>> out = new LinkedHashSet<>();
        for (Activity activity : experiment.method()) {
            switch (activity.provider()) {
                case Provider.AddToxic toxic -> out.add(Map.entry(toxic.admin(), toxic.proxy()));
                case Provider.SetProxyEnabled proxy -> out.add(Map.entry(proxy.admin(), proxy.proxy()));
                default -> {
                }
            }
        }
        return out;
    }
}

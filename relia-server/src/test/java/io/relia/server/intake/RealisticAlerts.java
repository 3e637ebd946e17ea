package io.relia.server.intake;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static io.relia.server.intake.ServerHarness.JSON;

/**
 * Alerts shaped as kube-prometheus sends them through Alertmanager (its KubePodCrashLooping rule): twelve labels,
 * three annotations and a URL-encoded PromQL generatorURL, about 1 KB of JSON each. The sizes docs/server.md
 * states for the intake body limit are measured on these ({@code IntakeBodyLimitTest}).
 */
final class RealisticAlerts {

    private RealisticAlerts() {
    }

    /** Alert {@code n} of a crash-looping deployment: one group (alertname, namespace, service), many pods. */
    static ObjectNode alert(int n, Instant startsAt) {
        String pod = String.format("checkout-7d9f8b6c5-%05d", n);
        ObjectNode alert = JSON.createObjectNode();
        alert.put("status", "firing");
        ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", "KubePodCrashLooping");
        labels.put("cluster", "prod-eu-west-1");
        labels.put("container", "checkout");
        labels.put("endpoint", "http");
        labels.put("instance", "10.42.3.17:8080");
        labels.put("job", "kube-state-metrics");
        labels.put("namespace", "shop");
        labels.put("pod", pod);
        labels.put("prometheus", "monitoring/k8s");
        labels.put("service", "checkout");
        labels.put("severity", "warning");
        labels.put("team", "payments");
        ObjectNode annotations = alert.putObject("annotations");
        annotations.put("description", "Pod shop/" + pod + " (checkout) is in waiting state (reason: "
                + "\"CrashLoopBackOff\") on cluster prod-eu-west-1.");
        annotations.put("runbook_url", "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/"
                + "kubepodcrashlooping");
        annotations.put("summary", "Pod is crash looping.");
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus-k8s-0.prometheus-operated.monitoring.svc:9090/graph?g0.expr="
                + "max_over_time%28kube_pod_container_status_waiting_reason%7Bjob%3D%22kube-state-metrics%22%2C"
                + "namespace%3D~%22.%2A%22%2Creason%3D%22CrashLoopBackOff%22%7D%5B5m%5D%29+%3E%3D+1&g0.tab=1");
        alert.put("fingerprint", String.format("%016x", 0x5eed_0000_0000L + n));
        return alert;
    }

    /** A version 4 webhook of {@code count} such alerts, as Alertmanager posts one alert group. */
    static String webhook(int count, Instant startsAt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("receiver", "relia");
        body.put("status", "firing");
        ArrayNode alerts = body.putArray("alerts");
        for (int n = 0; n < count; n++) {
            alerts.add(alert(n, startsAt));
        }
        body.putObject("groupLabels").put("alertname", "KubePodCrashLooping").put("namespace", "shop")
                .put("service", "checkout");
        body.putObject("commonLabels").put("alertname", "KubePodCrashLooping").put("namespace", "shop")
                .put("service", "checkout").put("severity", "warning");
        body.putObject("commonAnnotations").put("summary", "Pod is crash looping.");
        body.put("externalURL", "http://alertmanager-main-0.alertmanager-operated.monitoring.svc:9093");
        body.put("version", "4");
        body.put("groupKey", "{}/{severity=~\"warning|critical\"}:{alertname=\"KubePodCrashLooping\", "
                + "namespace=\"shop\", service=\"checkout\"}");
        body.put("truncatedAlerts", 0);
        return JSON.writeValueAsString(body);
    }
}

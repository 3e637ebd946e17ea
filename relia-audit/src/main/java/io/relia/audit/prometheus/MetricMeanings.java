package io.relia.audit.prometheus;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What well-known metrics mean for paging, by name: whether a page on them is a page on a cause or on a symptom.
 * The table is data: one row per family, first match wins, more specific rows first.
 *
 * <p>Sources. Google SRE book, "Monitoring Distributed Systems" (symptoms versus causes: page on what users feel).
 * Rob Ewaschuk, "My Philosophy on Alerting": cause-based alerts are bad, but a cause is worth a page when failure is
 * imminent and no symptom will show first (running out of a finite resource). The runbooks kube-prometheus links
 * (runbooks.prometheus-operator.dev): it pages on filesystems predicted to fill within hours, failed devices and
 * expiring certificates, and only warns on CPU and memory.
 */
final class MetricMeanings {

    /** What a metric says about a service. */
    enum Meaning {
        /** How busy a resource is (CPU, memory, load, GC, threads): a cause; users feel errors and latency. */
        SATURATION,
        /**
         * How much of a finite resource is left (disk, inodes, file descriptors): an outage when it runs out, and
         * often no symptom before it does, so a page on it is Ewaschuk's accepted exception.
         */
        HEADROOM,
        /** A component already failing (device errors, failed disks, targets down, OOM kills): a symptom. */
        FAILURE,
        /** Time left before something expires (certificates): an outage on a known date. */
        DEADLINE,
        /** A size, limit or state that scales or filters another metric: decides nothing on its own. */
        CONTEXT
    }

    /**
     * One row of the table.
     *
     * @param names   the metric names it covers (a regular expression over the whole name)
     * @param meaning what they mean
     */
    record Row(Pattern names, Meaning meaning) {

        static Row of(String names, Meaning meaning) {
            return new Row(Pattern.compile(names), meaning);
        }
    }

    static final List<Row> TABLE = List.of(
            // Failures: a device, a disk, a target or a process is already broken.
            Row.of("node_filesystem_device_error|node_md_.*|node_edac_.*|node_disk_.*_errors?.*"
                    + "|node_network_(receive|transmit)_(errs|drop).*|node_hwmon_.*alarm|smartmon_.*", Meaning.FAILURE),
            Row.of("up|probe_success|probe_http_status_code|node_vmstat_oom_kill|container_oom_events_total"
                    + "|jvm_threads_deadlocked.*|.*_deadlock.*"
                    + "|kube_pod_container_status_(restarts_total|last_terminated_reason|waiting_reason|terminated.*)"
                    + "|kube_node_status_condition|kube_pod_status_(phase|ready)"
                    + "|kube_(deployment|statefulset|daemonset)_status_replicas_unavailable"
                    + "|.*_(errors?|failures?|failed)(_total)?", Meaning.FAILURE),
            // Deadlines: certificates and tokens that expire on a known date.
            Row.of(".*(_ttl_seconds|expiry|expiration|expires|not_after|notafter).*", Meaning.DEADLINE),
            // Sizes, limits and states other metrics are divided by or filtered with.
            Row.of("node_filesystem_(size_bytes|files|readonly)|kubelet_volume_stats_(capacity_bytes|inodes)"
                    + "|node_filefd_maximum|process_max_fds|node_nf_conntrack_entries_limit|container_fs_limit_bytes"
                    + "|kube_pod_container_resource_(limits|requests)|kube_node_status_(allocatable|capacity)"
                    + "|container_spec_.*|machine_(cpu_cores|memory_bytes)|node_memory_MemTotal_bytes"
                    + "|kube_.*_(labels|info|annotations)", Meaning.CONTEXT),
            // Headroom of finite resources: when one runs out, writes or connections fail.
            Row.of("node_filesystem_(avail|free)_bytes|node_filesystem_files_free"
                    + "|kubelet_volume_stats_(available_bytes|used_bytes|inodes_free|inodes_used)"
                    + "|node_filefd_allocated|process_open_fds|node_nf_conntrack_entries|container_fs_usage_bytes",
                    Meaning.HEADROOM),
            // Saturation: busy, not broken.
            Row.of("node_cpu.*|node_load.*|node_memory_.*|node_pressure_.*|node_schedstat_.*"
                    + "|node_disk_(io_time|io_now|read|written|reads|writes).*"
                    + "|node_network_(receive|transmit)_(bytes|packets).*|container_cpu_.*|container_memory_.*"
                    + "|container_network_.*|container_fs_(reads|writes).*|process_cpu.*|process_resident_memory.*"
                    + "|process_virtual_memory.*|jvm_memory.*|jvm_gc_.*|jvm_threads.*|jvm_buffer.*|go_goroutines"
                    + "|go_threads|go_memstats_.*|go_gc_.*|nodejs_heap.*|nodejs_eventloop_lag.*|python_gc_.*",
                    Meaning.SATURATION));

    private MetricMeanings() {
    }

    /**
     * True when a page on {@code scan} rests on a cause only: every metric that decides (all but context) is
     * saturation. A failure, deadline, headroom or unknown metric among them, or only context metrics, and the
     * page may well be on a symptom or an imminent outage.
     */
    static boolean causeOnly(PromQlScan scan) {
        List<Optional<Meaning>> deciding = scan.metrics().stream().map(MetricMeanings::of)
                .filter(meaning -> !meaning.equals(Optional.of(Meaning.CONTEXT))).toList();
        return !deciding.isEmpty() && deciding.stream().allMatch(Optional.of(Meaning.SATURATION)::equals);
    }

    /** The meaning of {@code metric}, or empty when the table does not know it. */
    static Optional<Meaning> of(String metric) {
        return TABLE.stream().filter(row -> row.names().matcher(metric).matches()).map(Row::meaning).findFirst();
    }
}

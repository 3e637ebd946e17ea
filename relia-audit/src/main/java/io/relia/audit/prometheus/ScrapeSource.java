package io.relia.audit.prometheus;

import io.relia.core.Location;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One scrape interval the audited tree declares: a prometheus.yml's global or per-job {@code scrape_interval}, a
 * ServiceMonitor or PodMonitor endpoint's {@code interval}, or a Prometheus resource's {@code spec.scrapeInterval}.
 *
 * @param interval  the interval, positive
 * @param jobs      the {@code job} label values of what it scrapes; empty for a global interval (any job)
 * @param where     where the interval is written, or the job or endpoint that inherits it
 * @param what      what declares it, for the finding's message ({@code global.scrape_interval})
 * @param config    the file it is written in
 * @param ruleFiles the {@code rule_files} globs of its prometheus.yml: the rule files that Prometheus evaluates;
 *                  empty when it lists none, or for Kubernetes resources
 */
record ScrapeSource(Duration interval, Set<String> jobs, Location where, String what, Path config,
                    List<String> ruleFiles) {

    ScrapeSource {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("a scrape interval is positive: " + interval);
        }
        jobs = Set.copyOf(jobs);
        ruleFiles = List.copyOf(ruleFiles);
    }

    boolean global() {
        return jobs.isEmpty();
    }
}

package io.relia.incident.search;

import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What operators call the same failure in different words: the error strings of common libraries and tools
 * (getaddrinfo EAI_AGAIN, PKIX path validation, ENOSPC, OOMKilled, HTTP 429) and the words postmortems use for them.
 * Each phrase adds its concept word beside the original words, at index and query time, so "UnknownHostException"
 * in a new incident meets "the resolver dropped packets" in an old postmortem. Phrases match words as written, not
 * the parts of identifiers ({@code PromoCodeResolver} is no DNS resolver). Written from general operations knowledge
 * (library, database and cloud error messages); single words that mean other things in incident prose ("resolve",
 * "limits", "stale") are left out.
 */
final class FailureVocabulary {

    private static final Map<String, List<String>> PHRASES = Map.ofEntries(
            Map.entry("dns", List.of("nxdomain", "servfail", "unknownhostexception", "unknown host", "getaddrinfo",
                    "eai_again", "enotfound", "name or service not known", "no such host",
                    "temporary failure in name resolution", "name resolution", "resolver", "resolvers", "coredns",
                    "kube-dns", "route 53", "route53", "hosted zone", "dnssec", "mx record", "ndots", "ds record")),
            Map.entry("certificate", List.of("cert", "certs", "x509", "pkix", "ssl", "tls", "mtls",
                    "sslhandshakeexception", "handshake failed", "tls handshake", "ssl handshake",
                    "err_cert_date_invalid", "certpathvalidatorexception", "validity check failed", "cert-manager",
                    "acme", "letsencrypt", "let's encrypt", "keystore", "truststore", "not private",
                    "intermediate ca", "certificates")),
            Map.entry("diskfull", List.of("no space left on device", "enospc", "disk full", "disk usage",
                    "out of disk", "read-only", "read only", "read_only_allow_delete", "flood stage",
                    "disk watermark", "ephemeral-storage", "ephemeral storage", "inodes", "volume full",
                    "filesystem full", "disk pressure", "diskpressure", "could not extend file")),
            Map.entry("outofmemory", List.of("oom", "oomkilled", "out of memory", "outofmemoryerror", "heap space",
                    "java heap", "memory leak", "memory limit", "memory pressure", "memorypressure", "swapping",
                    "gc pause", "gc overhead", "rss", "killed process", "heap")),
            Map.entry("connectionpool", List.of("connection pool", "pool exhausted", "hikari", "hikaripool",
                    "connection is not available", "cannot acquire connection", "too many clients",
                    "max_client_conn", "pgbouncer", "max connections", "maxconnperroute",
                    "timeout waiting for connection", "getconnection", "cl_waiting", "pool saturated")),
            Map.entry("ratelimit", List.of("rate limit", "rate limited", "rate limiting", "throttled", "throttling",
                    "429", "too many requests", "quota", "quotaexceeded", "over_query_limit", "retry-after",
                    "retry after", "requests per second", "limit exceeded")),
            Map.entry("backlog", List.of("consumer lag", "lag", "lagging", "queue depth", "oldest message",
                    "ready messages", "messages ready", "not draining", "rebalance", "rebalancing", "dead letter",
                    "dlq", "poison message")),
            Map.entry("clockskew", List.of("clock skew", "skew", "skewed", "ntp", "chrony", "chronyd", "time sync",
                    "clock drift", "drifted", "clocks", "clock", "in the future", "requesttimetooskewed",
                    "timestamp outside", "leap second", "leap smear")),
            Map.entry("deploy", List.of("deployed", "deployment", "release", "rollout", "rolled out",
                    "config change", "config push", "feature flag", "launchdarkly", "terraform apply", "helm",
                    "rollback", "rolled back", "canary", "config reload")),
            Map.entry("retrystorm", List.of("retry storm", "retries", "retrying", "retried", "thundering herd",
                    "stampede", "cache stampede", "cache flush", "cache expired", "cold cache")),
            Map.entry("latency", List.of("slow", "slowness", "slowly", "p99", "p95", "hanging", "timing out")));

    private FailureVocabulary() {
    }

    /** The phrases as a synonym map that keeps the original words and adds the concept word. */
    static SynonymMap synonyms() {
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        PHRASES.forEach((concept, phrases) -> {
            // The concept word itself, as written, counts as the concept.
            builder.add(words(concept), new CharsRef(concept), false);
            for (String phrase : phrases) {
                builder.add(words(phrase), new CharsRef(concept), true);
            }
        });
        try {
            return builder.build();
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot build the failure vocabulary", inMemory);
        }
    }

    /** A phrase as the synonym filter sees it: lower case, one token per word, as the tokenizer splits it. */
    private static CharsRef words(String phrase) {
        String[] words = phrase.toLowerCase(Locale.ROOT).split(" ");
        return SynonymMap.Builder.join(words, new CharsRefBuilder());
    }
}

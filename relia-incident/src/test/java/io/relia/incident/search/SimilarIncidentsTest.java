package io.relia.incident.search;

import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.history.IncidentHistoryFile;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarIncidentsTest {

    private static final Instant MARCH = Instant.parse("2026-03-04T10:15:00Z");
    private static List<KnownIncident> history;
    private static SimilarIncidents search;

    @BeforeAll
    static void indexTheLabelledHistory() throws Exception {
        var read = IncidentHistoryFile.read(SimilarIncidentsEvaluationTest.resource("knowledge/incidents.yaml"));
        history = new ArrayList<>();
        for (int i = 0; i < read.incidents().size(); i++) {
            history.add(new KnownIncident(read.incidents().get(i).incident().withId(i + 1),
                    read.incidents().get(i).actionItems()));
        }
        search = SimilarIncidents.build(history);
    }

    @Test
    void findsCertificateExpiryIncidentsForAnX509ErrorMessage() {
        List<Match> matches = search.search("x509: certificate has expired", 3);

        assertThat(matches).hasSize(3).extracting(match -> match.incident().title()).containsAnyOf(
                "Mobile app cannot reach API: x509 certificate has expired",
                "Kafka clients disconnecting with SSLHandshakeException");
        assertThat(matches).allSatisfy(match -> assertThat(match.incident().analysis().rootCause().toLowerCase())
                .containsAnyOf("certificate", "cert"));
    }

    @Test
    void whyItMatchedShowsTheWordsAsTheIncidentWroteThemNotTheirStems() {
        Match best = search.search("x509: certificate has expired", 1).getFirst();

        String words = best.why().substring(0, best.why().indexOf(" in "));
        assertThat(words.split(", ")).contains("x509").containsAnyOf("certificate", "certificates")
                .containsAnyOf("expired", "expiry", "expires").doesNotContain("certif", "expir");
    }

    @Test
    void splitsIdentifiersIntoTheirWords() throws IOException {
        assertThat(terms("CheckoutHighErrorRate db_pool connection-pool"))
                .contains("checkouthigherrorr", "checkout", "high", "error", "rate", "db", "pool", "connect");
    }

    @Test
    void findsAnAlertNameFromTheWordsOfIt() {
        Incident alerting = incident(1, "Customers cannot pay", MARCH).withAlerts(List.of("CheckoutHighErrorRate"));
        Incident other = incident(2, "Search is slow", MARCH);
        SimilarIncidents small = SimilarIncidents.build(List.of(known(alerting), known(other)));

        assertThat(small.search("high error rate on checkout", 1))
                .extracting(match -> match.incident().id()).containsExactly(1L);
    }

    @Test
    void neverReturnsTheQueryIncidentItself() {
        for (KnownIncident entry : history) {
            assertThat(search.similarTo(entry.incident(), 5))
                    .extracting(match -> match.incident().id()).doesNotContain(entry.incident().id());
        }
    }

    @Test
    void leavesOutAnUnstoredQueryIncidentByEquality() {
        Incident unstored = incident(0, "Disk full on the orders database", MARCH);
        Incident stored = incident(7, "Disk full on the search cluster", MARCH);
        SimilarIncidents small = SimilarIncidents.build(List.of(known(unstored), known(stored)));

        assertThat(small.similarTo(unstored, 3)).extracting(match -> match.incident().id()).containsExactly(7L);
    }

    @Test
    void anEmptyHistoryFindsNothing() {
        SimilarIncidents empty = SimilarIncidents.build(List.of());

        assertThat(empty.size()).isZero();
        assertThat(empty.search("x509: certificate has expired", 3)).isEmpty();
        assertThat(empty.similarTo(incident(1, "Checkout down", MARCH), 3)).isEmpty();
    }

    @Test
    void aQueryOfStopWordsOnlyFindsNothing() {
        assertThat(search.search("the and of", 3)).isEmpty();
        assertThat(search.search("", 3)).isEmpty();
    }

    @Test
    void indexesOnlyTheNewestIncidentsUpToTheLimit() {
        Incident oldest = incident(1, "Disk full on build agents", Instant.parse("2025-01-01T00:00:00Z"));
        Incident middle = incident(2, "Disk full on kafka broker", Instant.parse("2025-06-01T00:00:00Z"));
        Incident newest = incident(3, "Disk full on postgres primary", Instant.parse("2026-01-01T00:00:00Z"));
        SimilarIncidents bounded = SimilarIncidents.build(List.of(known(oldest), known(middle), known(newest)), 2);

        assertThat(bounded.size()).isEqualTo(2);
        assertThat(bounded.search("disk full", 5)).extracting(match -> match.incident().id())
                .containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void aMatchCarriesItsActionItemsAndWhyItMatched() {
        Match best = search.search("getaddrinfo EAI_AGAIN", 1).getFirst();

        assertThat(best.incident().title()).isEqualTo("Payments to PSP failing: getaddrinfo EAI_AGAIN");
        assertThat(best.actionItems()).extracting(ActionItem::title).contains("Keep-alive agent for PSP calls");
        assertThat(best.why()).contains("EAI_AGAIN", "getaddrinfo", " in title").doesNotContain("eai_again");
        assertThat(best.score()).isPositive();
    }

    @Test
    void answersConcurrentQueriesLikeSequentialOnes() throws Exception {
        List<String> queries = List.of("no space left on device", "OOMKilled", "429 Too Many Requests",
                "consumer lag growing", "clock skew ntp", "connection pool exhausted");
        Map<String, List<Long>> expected = new HashMap<>();
        queries.forEach(query -> expected.put(query, ids(search.search(query, 3))));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> same = IntStream.range(0, 200).mapToObj(i -> queries.get(i % queries.size()))
                    .map(query -> pool.submit(() -> ids(search.search(query, 3)).equals(expected.get(query))))
                    .toList();
            for (Future<Boolean> answer : same) {
                assertThat(answer.get()).isTrue();
            }
        }
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(match -> match.incident().id()).toList();
    }

    private static Set<String> terms(String text) throws IOException {
        Set<String> terms = new HashSet<>();
        try (IncidentAnalyzer analyzer = new IncidentAnalyzer();
             TokenStream stream = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private static Incident incident(long id, String title, Instant declared) {
        return Incident.declare(title, IncidentSeverity.SEV3, declared).withId(id)
                .withAnalysis(Analysis.EMPTY.withRootCause("unknown"));
    }

    private static KnownIncident known(Incident incident) {
        return new KnownIncident(incident, List.of());
    }
}

package io.relia.incident.search;

import io.relia.incident.Incident;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Finds past incidents like a new one, so responders see what fixed it last time. BM25 (Robertson and Zaragoza,
 * "The Probabilistic Relevance Framework: BM25 and Beyond", 2009) over an in-memory Lucene index of titles, summaries,
 * labels, services, alerts, root causes, triggers, resolutions, postmortem text and action items. Immutable after
 * {@link #build}; safe for concurrent reads.
 */
public final class SimilarIncidents {

    /** Entries indexed when no limit is given: the newest 50,000 (a few MB of heap). */
    public static final int DEFAULT_LIMIT = 50_000;
    /**
     * Lucene logs through java.util.logging, on stderr, that the JDK's incubating Vector API is not enabled; the
     * scalar code it falls back to is plenty for an index of incidents, so the notice is only noise in a CLI. The
     * field keeps the logger (held weakly by JUL) alive with its level.
     */
    static final java.util.logging.Logger VECTORIZATION_LOG = quiet(
            "org.apache.lucene.internal.vectorization.VectorizationProvider");

    /**
     * Query words kept: each word becomes one term query per field and Lucene caps the clauses of a query
     * ({@link IndexSearcher#getMaxClauseCount()}, 1024 by default); a long summary adds little after its first
     * sentences anyway.
     */
    private static final int MAX_QUERY_TERMS = Math.min(100,
            IndexSearcher.getMaxClauseCount() / IndexedField.values().length);

    /**
     * Weight of the words that say where an incident happens (services, team, region) against those that say what
     * failed: the same service fails in many ways, so "where" only breaks ties between similar failures.
     */
    private static final float CONTEXT_WEIGHT = 0.25f;

    /** Weight of a failure concept recognised in the query ({@link FailureVocabulary}) against a plain word. */
    private static final float CONCEPT_WEIGHT = 8f;

    /** Share of the score a word's other matching fields add to its best field (Lucene's dis-max tie breaker). */
    private static final float TIE_BREAKER = 0.5f;
    private static final String KEY = "key";
    /** Analysed text whose postings keep character offsets, so a match can be shown in the words as written. */
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    /** The entry a document's stored key names: its position for {@link #build}, its id for {@link IncidentIndex}. */
    private final LongFunction<KnownIncident> entryOf;
    private final int size;
    private final IncidentAnalyzer analyzer;
    private final IndexSearcher searcher;

    SimilarIncidents(LongFunction<KnownIncident> entryOf, int size, IncidentAnalyzer analyzer,
                     IndexSearcher searcher) {
        this.entryOf = entryOf;
        this.size = size;
        this.analyzer = analyzer;
        this.searcher = searcher;
    }

    /** Indexes the newest {@value #DEFAULT_LIMIT} of {@code known} (by declaration time). */
    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    public static SimilarIncidents build(Collection<KnownIncident> known) {
        return build(known, DEFAULT_LIMIT);
    }

    /** Indexes the newest {@code limit} of {@code known} (by declaration time). */
    public static SimilarIncidents build(Collection<KnownIncident> known, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0: " + limit);
        }
        List<KnownIncident> newest = known.stream()
                .sorted(Comparator.comparing((KnownIncident entry) -> entry.incident().times().declared()).reversed())
                .limit(limit).toList();
        IncidentAnalyzer analyzer = new IncidentAnalyzer();
        // An in-memory directory holds no file handles; the reader lives as long as this object.
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < newest.size(); i++) {
                writer.addDocument(document(i, newest.get(i)));
            }
            writer.commit();
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            return new SimilarIncidents(ordinal -> newest.get((int) ordinal), newest.size(), analyzer, searcher);
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot build the in-memory incident index", inMemory);
        }
    }

    /** How many incidents are indexed. */
    public int size() {
        return size;
    }

    /**
     * The {@code k} past incidents most like {@code query}, best first, from what a responder knows before the
     * root cause (title, summary, services, labels, alerts). The query incident itself (same id, or equal when it
     * has no id) is never returned.
     */
    public List<Match> similarTo(Incident query, int k) {
        Objects.requireNonNull(query, "query");
        Map<String, Float> words = QueryTerms.of(analyzer, IndexedField.symptomsOf(query), CONCEPT_WEIGHT,
                MAX_QUERY_TERMS);
        QueryTerms.add(analyzer, IndexedField.contextOf(query), CONTEXT_WEIGHT, 1f, MAX_QUERY_TERMS, words);
        return find(words, k, entry -> query.id() != 0
                ? entry.incident().id() == query.id() : entry.incident().equals(query));
    }

    /** The {@code k} past incidents best matching free text such as an error message, best first. */
    public List<Match> search(String text, int k) {
        Objects.requireNonNull(text, "text");
        return find(QueryTerms.of(analyzer, text, CONCEPT_WEIGHT, MAX_QUERY_TERMS), k, entry -> false);
    }

    private List<Match> find(Map<String, Float> words, int k, Predicate<KnownIncident> excluded) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be at least 0: " + k);
        }
        if (size == 0 || words.isEmpty() || k == 0) {
            return List.of();
        }
        Query query = query(words);
        try {
            ScoreDoc[] hits = searcher.search(query, (int) Math.min(k + 1L, size)).scoreDocs;
            MatchExplainer explainer = new MatchExplainer(searcher, query, words);
            List<Match> matches = new ArrayList<>();
            for (ScoreDoc hit : hits) {
                KnownIncident entry = entryOf.apply(key(hit.doc));
                if (entry != null && matches.size() < k && !excluded.test(entry)) {
                    matches.add(new Match(entry.incident(), hit.score, entry.actionItems(),
                            explainer.why(hit.doc, entry)));
                }
            }
            return matches;
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot search the in-memory incident index", inMemory);
        }
    }

    static Query query(Map<String, Float> words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> weighted : words.entrySet()) {
            String word = weighted.getKey();
            List<Query> perField = new ArrayList<>();
            for (IndexedField field : IndexedField.values()) {
                perField.add(new BoostQuery(new TermQuery(new Term(field.field(), word)), field.boost()));
            }
            query.add(new BoostQuery(new DisjunctionMaxQuery(perField, TIE_BREAKER), weighted.getValue()),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private long key(int doc) throws IOException {
        return searcher.storedFields().document(doc).getField(KEY).numericValue().longValue();
    }

    /** The indexed form of {@code entry}, with {@code key} stored to find the entry again from a hit. */
    static Document document(long key, KnownIncident entry) {
        Document document = new Document();
        document.add(new StoredField(KEY, key));
        for (IndexedField field : IndexedField.values()) {
            document.add(new Field(field.field(), field.textOf(entry), TEXT_WITH_OFFSETS));
        }
        return document;
    }

}

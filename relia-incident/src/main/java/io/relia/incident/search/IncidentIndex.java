package io.relia.incident.search;

import io.relia.incident.Incident;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A similar-incident index that stays open: built once, then kept current one incident at a time ({@link #put}) as
 * incidents and their action items change, so a server searches without rebuilding it per request. A search sees
 * every {@link #put} that returned before it started. Thread-safe. Scores can differ slightly from a fresh
 * {@link SimilarIncidents#build} of the same incidents: BM25's document frequencies count a replaced version until
 * Lucene merges it away.
 */
public final class IncidentIndex implements AutoCloseable {

    private static final String ID = "id";
    /** Read first, so Lucene's vectorization notice is silenced as for {@link SimilarIncidents}. */
    private static final java.util.logging.Logger VECTORIZATION_LOG = SimilarIncidents.VECTORIZATION_LOG;

    private final IncidentAnalyzer analyzer = new IncidentAnalyzer();
    private final Map<Long, KnownIncident> entries = new ConcurrentHashMap<>();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IncidentIndex() {
        try {
            // In memory: a few KB per incident, no file handles.
            writer = new IndexWriter(new ByteBuffersDirectory(),
                    new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                                                 org.apache.lucene.index.IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(new BM25Similarity());
                    return searcher;
                }
            });
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot open the in-memory incident index", inMemory);
        }
    }

    /** An index of the newest {@link SimilarIncidents#DEFAULT_LIMIT} of {@code known} (stored incidents: id &gt; 0). */
    public static IncidentIndex of(Collection<KnownIncident> known) {
        IncidentIndex index = new IncidentIndex();
        List<KnownIncident> newest = known.stream().filter(entry -> entry.incident().id() > 0)
                .sorted(Comparator.comparing((KnownIncident entry) -> entry.incident().times().declared()).reversed())
                .limit(SimilarIncidents.DEFAULT_LIMIT).toList();
        try {
            for (KnownIncident entry : newest) {
                // A fresh index: adding is enough, and much cheaper than replacing by id.
                if (index.entries.putIfAbsent(entry.incident().id(), entry) == null) {
                    index.writer.addDocument(document(entry));
                }
            }
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot build the in-memory incident index", inMemory);
        }
        return index;
    }

    /** Adds the incident, or replaces the version indexed under its id. */
    public void put(KnownIncident entry) {
        long id = entry.incident().id();
        if (id <= 0) {
            throw new IllegalArgumentException("only stored incidents (id > 0) can be indexed by id: " + id);
        }
        entries.put(id, entry);
        try {
            writer.updateDocument(new Term(ID, Long.toString(id)), document(entry));
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot update the in-memory incident index", inMemory);
        }
    }

    private static Document document(KnownIncident entry) {
        long id = entry.incident().id();
        Document document = SimilarIncidents.document(id, entry);
        document.add(new StringField(ID, Long.toString(id), Field.Store.NO));
        return document;
    }

    /** The indexed version of incident {@code id}, if indexed. */
    public Optional<KnownIncident> get(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** How many incidents are indexed. */
    public int size() {
        return entries.size();
    }

    /** As {@link SimilarIncidents#similarTo}, over the current index. */
    public List<Match> similarTo(Incident query, int k) {
        return withSearcher(search -> search.similarTo(query, k));
    }

    /** As {@link SimilarIncidents#search}, over the current index. */
    public List<Match> search(String text, int k) {
        return withSearcher(search -> search.search(text, k));
    }

    private List<Match> withSearcher(Function<SimilarIncidents, List<Match>> query) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                return query.apply(new SimilarIncidents(entries::get, entries.size(), analyzer, searcher));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot search the in-memory incident index", inMemory);
        }
    }

    @Override
    public void close() {
        try (writer; searchers) {
            // both closed, the searchers first
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot close the in-memory incident index", inMemory);
        }
    }
}

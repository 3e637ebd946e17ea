package io.relia.incident.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Why it matched" from Lucene's matches API: the query words found in a hit, most telling first (query weight times
 * BM25's inverse document frequency, so a recognised failure concept or a rare error code leads), and the fields
 * those words were found in. Costs one pass over a hit's postings, so only the returned hits are explained.
 */
final class MatchExplainer {

    private static final int WORDS_SHOWN = 4;

    private final IndexSearcher searcher;
    private final Weight weight;
    private final Map<String, Float> queryWeights;

    MatchExplainer(IndexSearcher searcher, Query query, Map<String, Float> queryWeights) throws IOException {
        this.searcher = searcher;
        this.weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        this.queryWeights = queryWeights;
    }

    /** E.g. {@code "certif, x509, expir in title, summary, root cause"}; words are stemmed. */
    String why(int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        if (matches == null) {
            return "";
        }
        Map<String, Double> telling = new HashMap<>();
        Map<String, Set<IndexedField>> fieldsOf = new HashMap<>();
        for (String field : matches) {
            MatchesIterator iterator = matches.getMatches(field);
            while (iterator != null && iterator.next()) {
                if (iterator.getQuery() instanceof TermQuery termQuery) {
                    Term term = termQuery.getTerm();
                    telling.merge(term.text(), queryWeights.getOrDefault(term.text(), 1f) * idf(term), Math::max);
                    fieldsOf.computeIfAbsent(term.text(), word -> EnumSet.noneOf(IndexedField.class))
                            .add(IndexedField.ofField(field));
                }
            }
        }
        List<String> words = telling.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(WORDS_SHOWN).map(Map.Entry::getKey).toList();
        if (words.isEmpty()) {
            return "";
        }
        String in = words.stream().flatMap(word -> fieldsOf.get(word).stream()).distinct()
                .sorted(Comparator.naturalOrder()).map(IndexedField::label).collect(Collectors.joining(", "));
        return String.join(", ", words) + " in " + in;
    }

    /** BM25's idf: log(1 + (N - n + 0.5) / (n + 0.5)). */
    private double idf(Term term) throws IOException {
        int documents = searcher.getIndexReader().numDocs();
        int containing = searcher.getIndexReader().docFreq(term);
        return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
    }
}

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Why it matched" from Lucene's matches API: the query words found in a hit, most telling first (query weight times
 * BM25's inverse document frequency, so a recognised failure concept or a rare error code leads), and the fields
 * those words were found in. Words are matched stemmed ("expir") but shown as the incident wrote them ("expired"),
 * from the offsets the index keeps. Costs one pass over a hit's postings, so only the returned hits are explained.
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

    /** E.g. {@code "certificate, x509, expired in title, summary"} for {@code doc}, which is {@code entry}. */
    String why(int doc, KnownIncident entry) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        if (matches == null) {
            return "";
        }
        Map<String, Double> telling = new HashMap<>();
        Map<String, Set<IndexedField>> fieldsOf = new HashMap<>();
        Map<String, Map<String, Integer>> writtenAs = new HashMap<>();
        for (String field : matches) {
            IndexedField indexed = IndexedField.ofField(field);
            String text = indexed.textOf(entry);
            MatchesIterator iterator = matches.getMatches(field);
            while (iterator != null && iterator.next()) {
                if (iterator.getQuery() instanceof TermQuery termQuery) {
                    Term term = termQuery.getTerm();
                    telling.merge(term.text(), queryWeights.getOrDefault(term.text(), 1f) * idf(term), Math::max);
                    fieldsOf.computeIfAbsent(term.text(), word -> EnumSet.noneOf(IndexedField.class)).add(indexed);
                    written(text, iterator.startOffset(), iterator.endOffset()).ifPresent(form -> writtenAs
                            .computeIfAbsent(term.text(), word -> new LinkedHashMap<>()).merge(form, 1, Integer::sum));
                }
            }
        }
        List<String> terms = telling.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> words = new ArrayList<>();
        for (String term : terms) {
            String word = mostWritten(writtenAs.getOrDefault(term, Map.of())).orElse(term);
            if (words.size() < WORDS_SHOWN && words.stream().noneMatch(word::equalsIgnoreCase)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return "";
        }
        String in = terms.stream().flatMap(term -> fieldsOf.get(term).stream()).distinct()
                .sorted(Comparator.naturalOrder()).map(IndexedField::label).collect(Collectors.joining(", "));
        return String.join(", ", words) + " in " + in;
    }

    /** The text between two offsets, one line, when the index kept them. */
    private static Optional<String> written(String text, int start, int end) {
        if (start < 0 || end <= start || end > text.length()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start, end).replaceAll("\\s+", " ").strip()).filter(form -> !form.isEmpty());
    }

    /**
     * The form a word was written in most often (the first on a tie); a capital only at its start, as at the start of
     * a sentence, is dropped, while {@code TLS} or {@code CheckoutHighErrorRate} stay as they are.
     */
    private static Optional<String> mostWritten(Map<String, Integer> forms) {
        Map<String, Integer> byLowerCase = new LinkedHashMap<>();
        Map<String, String> firstForm = new HashMap<>();
        forms.forEach((form, count) -> {
            String key = form.toLowerCase(Locale.ROOT);
            byLowerCase.merge(key, count, Integer::sum);
            firstForm.putIfAbsent(key, form);
        });
        return byLowerCase.entrySet().stream().max(Map.Entry.comparingByValue()).map(best -> {
            String form = firstForm.get(best.getKey());
            boolean sentenceCase = form.length() > 1 && Character.isUpperCase(form.charAt(0))
                    && form.substring(1).equals(form.substring(1).toLowerCase(Locale.ROOT));
            return sentenceCase ? best.getKey() : form;
        });
    }

    /** BM25's idf: log(1 + (N - n + 0.5) / (n + 0.5)). */
    private double idf(Term term) throws IOException {
        int documents = searcher.getIndexReader().numDocs();
        int containing = searcher.getIndexReader().docFreq(term);
        return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
    }
}

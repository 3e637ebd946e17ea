package io.relia.incident.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distinct analysed words of a query text, in the order written, each with a weight: {@code weight} for the
 * words as written, {@code weight * conceptWeight} for the failure concepts {@link FailureVocabulary} recognised.
 */
final class QueryTerms {

    private QueryTerms() {
    }

    /** Adds the words of {@code text} to {@code into}, keeping the higher weight of a word seen twice. */
    static void add(Analyzer analyzer, String text, float weight, float conceptWeight, int limit,
                    Map<String, Float> into) {
        try (TokenStream stream = analyzer.tokenStream(IndexedField.TITLE.field(), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken() && into.size() < limit) {
                float value = SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) ? weight * conceptWeight : weight;
                into.merge(term.toString(), value, Math::max);
            }
            stream.end();
        } catch (IOException inMemory) {
            throw new UncheckedIOException("cannot analyse the query text", inMemory);
        }
    }

    static Map<String, Float> of(Analyzer analyzer, String text, float conceptWeight, int limit) {
        Map<String, Float> words = new LinkedHashMap<>();
        add(analyzer, text, 1f, conceptWeight, limit, words);
        return words;
    }
}

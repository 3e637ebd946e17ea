package io.relia.incident.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English text with engineers' identifiers: {@code connection-pool}, {@code db_pool} and
 * {@code CheckoutHighErrorRate} are split into their words (the whole identifier is kept too), then lower-cased,
 * stripped of English stop words and Porter-stemmed, so "pools" in a postmortem meets {@code db_pool} in an alert.
 */
final class IncidentAnalyzer extends Analyzer {

    private static final int WORD_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

    private static final SynonymMap VOCABULARY = FailureVocabulary.synonyms();
    /** Lucene's English stop words and the auxiliaries it leaves in ("has" would stem to "ha" and match). */
    private static final CharArraySet STOP_WORDS = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(java.util.List.of("has", "have", "had", "been", "being", "were", "does", "did"));
        return CharArraySet.unmodifiableSet(words);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        // Failure phrases first, on whole words: the parts of an identifier are no evidence of a failure mode.
        TokenStream stream = new FlattenGraphFilter(new SynonymGraphFilter(source, VOCABULARY, true));
        stream = new WordDelimiterGraphFilter(stream, WORD_PARTS, null);
        // The index cannot hold token graphs; flattening keeps every part and the original.
        stream = new FlattenGraphFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

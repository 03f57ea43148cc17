package jp.tsunagu.platform.search;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Japanese text for PostgreSQL full-text search without a Japanese parser in the database.
 * Text is normalized (NFKC, lower case) and cut into lexemes here:
 * <ul>
 *   <li>character bigrams of every run of letters and digits, plus the run's last character, so
 *       any word of two or more characters (清掃, 事務, 軽作業, パソコン) is found by the AND of its
 *       bigrams, and a single character by prefix;</li>
 *   <li>Kuromoji words (base forms, search mode) for ranking: a query word that is a real word of
 *       the title ranks above the same characters found across a word boundary.</li>
 * </ul>
 * The lexemes are written as tsvector and tsquery literals and cast ({@code ::tsvector},
 * {@code ::tsquery}), so the database applies no parser of its own: what is indexed and what is
 * searched are cut by the same code.
 */
public final class JapaneseText {

    private JapaneseText() {
    }

    /** Longest query the search accepts (characters); longer input is refused by callers. */
    public static final int MAX_QUERY = 100;

    /** NFKC (full-width letters and digits, half-width kana) and lower case. */
    public static String normalize(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Runs of letters and digits (kanji, kana, Latin, digits); everything else separates. */
    static List<String> runs(String normalized) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        normalized.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK || cp == 'ー') {
                run.appendCodePoint(cp);
            } else if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    /** Bigrams of each run, and each run's last character (a one-character run gives just itself). */
    public static Set<String> grams(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String run : runs(normalize(text))) {
            int[] cps = run.codePoints().toArray();
            for (int i = 0; i + 1 < cps.length; i++) {
                out.add(new String(cps, i, 2));
            }
            out.add(new String(cps, cps.length - 1, 1));
        }
        return out;
    }

    /** Kuromoji words (base forms) of two or more characters, normalized. */
    public static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        String normalized = normalize(text);
        if (normalized.isBlank()) {
            return out;
        }
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            BaseFormAttribute base = tokenizer.addAttribute(BaseFormAttribute.class);
            tokenizer.setReader(new StringReader(normalized));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String word = base.getBaseForm() != null ? base.getBaseForm() : term.toString();
                if (word.codePointCount(0, word.length()) >= 2 && runs(word).size() == 1 && runs(word).get(0).equals(word)) {
                    out.add(word);
                }
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A field's lexemes for the index: its words and its grams. */
    public static Set<String> lexemes(String text) {
        Set<String> out = new LinkedHashSet<>(words(text));
        out.addAll(grams(text));
        return out;
    }

    /**
     * A tsvector literal of weighted fields: {@code weights[i]} (A–D) for {@code fields[i]}. Each
     * lexeme is listed once with its best weight.
     */
    public static String tsvector(List<String> fields, List<Character> weights) {
        Map<String, Character> best = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            char w = weights.get(i);
            for (String lexeme : lexemes(fields.get(i))) {
                best.merge(lexeme, w, (a, b) -> a <= b ? a : b);
            }
        }
        StringBuilder sb = new StringBuilder();
        int position = 1;
        for (var e : best.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(e.getKey())).append(':').append(Math.min(position++, 16383)).append(e.getValue());
        }
        return sb.toString();
    }

    /**
     * The match query: every gram of the query must be present (a single character matches as a
     * prefix). Empty when the query has no letters or digits.
     */
    public static String matchQuery(String query) {
        List<String> parts = new ArrayList<>();
        for (String run : runs(normalize(query))) {
            int[] cps = run.codePoints().toArray();
            if (cps.length == 1) {
                parts.add(quote(run) + ":*");
                continue;
            }
            for (int i = 0; i + 1 < cps.length; i++) {
                parts.add(quote(new String(cps, i, 2)));
            }
        }
        return String.join(" & ", new LinkedHashSet<>(parts));
    }

    /** The ranking query: any of the query's words or grams (ts_rank weighs title above company above text). */
    public static String rankQuery(String query) {
        Set<String> any = new LinkedHashSet<>(words(query));
        any.addAll(grams(query));
        return String.join(" | ", any.stream().map(JapaneseText::quote).toList());
    }

    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}

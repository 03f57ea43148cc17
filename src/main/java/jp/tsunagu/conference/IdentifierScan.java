package jp.tsunagu.conference;

import jp.tsunagu.conference.IdentifierCheck.Finding;
import jp.tsunagu.conference.IdentifierCheck.Kind;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.InflectionAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text being checked: normalized for matching, as given for excerpts, its Kuromoji tokens indexed by offset, and
 * the findings so far (spans that overlap become one).
 */
final class IdentifierScan {
    final String norm;
    final String text;
    final List<Token> tokens;
    final List<Finding> out;
    final int[] startingAt;
    final int[] endingAt;

    /** Reads {@code norm} (the text normalized, offsets as in {@code text}) with Kuromoji; findings go to {@code out}. */
    IdentifierScan(String norm, String text, List<Finding> out) {
        this.norm = norm;
        this.text = text;
        this.tokens = tokens(forTokenizer(norm));
        this.out = out;
        startingAt = new int[norm.length() + 1];
        endingAt = new int[norm.length() + 1];
        Arrays.fill(startingAt, -1);
        Arrays.fill(endingAt, -1);
        for (int i = 0; i < tokens.size(); i++) {
            startingAt[tokens.get(i).start()] = i;
            endingAt[tokens.get(i).end()] = i;
        }
    }

    void add(Kind kind, int start, int end) {
        add(out, kind, start, end, text);
    }

    Token tokenAt(int start) {
        int i = start >= 0 && start <= norm.length() ? startingAt[start] : -1;
        return i < 0 ? null : tokens.get(i);
    }

    Token tokenEndingAt(int end) {
        int i = end >= 0 && end <= norm.length() ? endingAt[end] : -1;
        return i < 0 ? null : tokens.get(i);
    }

    Token before(Token t) {
        int i = startingAt[t.start()];
        return i > 0 ? tokens.get(i - 1) : null;
    }

    /** A dictionary word (particle, adverb, verb …) spans exactly [start, end): the letters are grammar, not a name. */
    boolean functionWord(int start, int end) {
        Token t = tokenAt(start);
        // a verb stem before a noun (はやし先生, さとしさん) is no grammar: only forms that can modify a noun count
        boolean stem = (t != null && (t.pos().startsWith("動詞") || t.pos().startsWith("形容詞"))) && t.form().startsWith("連用");
        return t != null && t.end() == end && t.known() && isFunction(t.pos()) && !stem;
    }

    /** One dictionary common noun spans exactly [start, end) (テレビ, キュウリ, ヘルパー): a word, not a name Kuromoji split up. */
    boolean commonNoun(int start, int end) {
        Token t = tokenAt(start);
        return t != null && t.end() == end && t.known() && isCommonNoun(t.pos());
    }

    /** [start, end) is made of dictionary words none of which is a proper noun (テレビ, イヤホン, キュウリ): not a name. */
    boolean dictionaryWords(int start, int end) {
        int at = start;
        while (at < end) {
            Token t = tokenAt(at);
            if (t == null || t.end() > end || !t.known() || t.pos().startsWith("名詞-固有名詞")) {
                return false;
            }
            at = t.end();
        }
        return true;
    }

    private static boolean isFunction(String pos) {
        return pos.startsWith("副詞") || pos.startsWith("連体詞") || pos.startsWith("接続詞") || pos.startsWith("感動詞") || pos.startsWith("助詞")
                || pos.startsWith("助動詞") || pos.startsWith("動詞") || pos.startsWith("形容詞") || pos.startsWith("名詞-代名詞")
                || pos.startsWith("名詞-非自立") || pos.startsWith("接頭詞");
    }

    private static boolean isCommonNoun(String pos) {
        return pos.startsWith("名詞-一般") || pos.startsWith("名詞-サ変接続") || pos.startsWith("名詞-形容動詞語幹") || pos.startsWith("名詞-副詞可能")
                || pos.startsWith("名詞-接尾");
    }

    /** Adds every match of {@code p} as a finding of {@code kind}. */
    void find(Pattern p, Kind kind) {
        Matcher m = p.matcher(norm);
        while (m.find()) {
            add(kind, m.start(), m.end());
        }
    }

    /** Adds a span; spans that overlap one already found (山田太郎 and 太郎さん) become one. */
    private static void add(List<Finding> out, Kind kind, int start, int end, String text) {
        boolean covered = out.stream().anyMatch(f -> f.start() <= start && f.end() >= end);
        if (covered) {
            return;
        }
        out.removeIf(f -> f.start() >= start && f.end() <= end);
        Finding overlap = out.stream().filter(f -> f.start() < end && start < f.end()).findFirst().orElse(null);
        if (overlap != null) {
            out.remove(overlap);
            int s = Math.min(start, overlap.start());
            int e = Math.max(end, overlap.end());
            add(out, overlap.kind(), s, e, text);
            return;
        }
        out.add(new Finding(kind, start, end, text.substring(start, end)));
    }

    /** A Kuromoji token; {@code known} when it comes from the dictionary (an unknown word has no reading). */
    record Token(String term, String pos, int start, int end, boolean known, String form) {
    }

    /**
     * The text as Kuromoji reads it best: NFKC turns （）：！？ into ASCII, which the dictionary takes for unknown nouns
     * (母親(恵美子) loses the name); they are put back one for one, so offsets do not move.
     */
    private static String forTokenizer(String norm) {
        char[] c = norm.toCharArray();
        for (int i = 0; i < c.length; i++) {
            int at = "():;!?[]".indexOf(c[i]);
            if (at >= 0) {
                c[i] = "（）：；！？［］".charAt(at);
            }
        }
        return new String(c);
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
            InflectionAttribute inflection = tokenizer.addAttribute(InflectionAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String p = pos.getPartOfSpeech();
                out.add(new Token(term.toString(), p == null ? "未知語" : p, offset.startOffset(), offset.endOffset(), reading.getReading() != null,
                        inflection.getInflectionForm() == null ? "" : inflection.getInflectionForm()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

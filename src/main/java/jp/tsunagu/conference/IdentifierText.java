package jp.tsunagu.conference;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the rules share about the text: character classes, the dash and numeral sets, and first-letter searching. */
final class IdentifierText {

    static final String DASHES = "‐‑–—―ー−－-"; // the ASCII hyphen last, so it never makes a range
    static final String DASH = "[" + DASHES + "]";
    static final String KANA_KANJI = "[一-龥々ぁ-んァ-ヶ]";
    static final String KANJI_NUMERALS = "一二三四五六七八九十〇";
    static final String KANJI_NUMERAL = "[" + KANJI_NUMERALS + "]";
    /** What follows a number that counts (12回, 3件, 20人): neither an ID nor a house number. */
    static final String COUNTERS = "日時回年月人名歳件か個本台枚倍円点分秒週桁位級等割通社校箇ヶ%";
    static final Pattern KANJI_ONLY = Pattern.compile("[一-龥々]+");
    static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");

    private IdentifierText() {
    }

    /** An alternation of literal words. */
    static String anyOf(List<String> words) {
        return "(?:" + words.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")";
    }

    /**
     * Finds the matches of a pattern that starts with one of a few words, trying it only where the text has one of their
     * first letters (a search would try the whole alternation at every position). The matches are those a search finds.
     */
    static final class Finder {
        final String n;
        final Matcher m;
        final boolean[] first;
        int at;

        Finder(String n, Pattern p, boolean[] first) {
            this.n = n;
            this.m = p.matcher(n).useTransparentBounds(true).useAnchoringBounds(false);
            this.first = first;
        }

        boolean next() {
            while (at < n.length()) {
                int i = at++;
                if (first[n.charAt(i)] && m.region(i, n.length()).lookingAt()) {
                    at = Math.max(at, m.end());
                    return true;
                }
            }
            return false;
        }
    }

    static boolean[] firstLetters(List<String> words) {
        boolean[] first = new boolean[Character.MAX_VALUE + 1];
        words.forEach(w -> first[w.charAt(0)] = true);
        return first;
    }

    static boolean[] letters(String chars) {
        boolean[] first = new boolean[Character.MAX_VALUE + 1];
        chars.chars().forEach(c -> first[c] = true);
        return first;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isKanaKanji(char c) {
        return c >= '一' && c <= '龥' || c == '々' || c >= 'ぁ' && c <= 'ん' || c >= 'ァ' && c <= 'ヶ';
    }

    static boolean isHiragana(char c) {
        return c >= 'ぁ' && c <= 'ゖ';
    }

    static boolean isKanji(char c) {
        return c >= '一' && c <= '龥' || c == '々';
    }

    static boolean isKatakana(char c) {
        return c >= 'ァ' && c <= 'ヺ' || c == 'ー';
    }

    static boolean isKana(char c) {
        return isHiragana(c) || isKatakana(c);
    }

    static boolean isAsciiAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}

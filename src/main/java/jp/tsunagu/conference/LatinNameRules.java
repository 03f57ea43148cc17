package jp.tsunagu.conference;

import jp.tsunagu.conference.IdentifierCheck.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names in Latin letters: Taro Yamada, YAMAUCHI Ryo, K. Sato, Mr. Nguyen, Maria Santos さん, 担当：Shinjo. */
final class LatinNameRules {

    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9@._%+\\-/#])(?:[A-Z][a-z]+|[A-Z]{2,})"
            + "(?![A-Za-z0-9@_\\-/#]|\\.[A-Za-z0-9])");
    private static final Pattern LATIN_INITIAL = Pattern.compile("(?<![A-Za-z.])[A-Z]\\.\\s?(?<v>[A-Z][a-z]{2,}|[A-Z]{3,})(?![A-Za-z0-9@_\\-])");
    private static final Pattern LATIN_TITLE_CUE = Pattern.compile("(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.?\\s*$");
    private static final Pattern LATIN_LABEL_CUE = Pattern.compile("(?:Name|NAME|From|FROM|To|By|by|Signed|Sincerely|[Rr]egards|Best|Thanks"
            + "|Cheers|Dear|Hi|Hello"
            + "|cc|CC|Cc|Attn|Reporter"
            + "|Author|Patient|Client|Contact|氏名|名前|署名|担当者?|文責|記録者|作成者|報告者|送信者|差出人|宛名|表示名|ユーザー名|登録名|記入者|本名|名義|通称)"
            + "(?:欄)?[\\s:：\\-—–/「『\"“(（は,]*$");
    private static final Pattern LATIN_HONORIFIC_AFTER = Pattern.compile("^\\s?(?:さん|様|氏|先生|くん|君|ちゃん|殿|医師)");
    /** Romanized Japanese (Hepburn): Sato, Kenji, Shimabukuro, Hattori, Ohno; English words rarely fit it. */
    private static final Pattern ROMAJI = Pattern.compile("(?:(?:k(?=k)|s(?=s)|t(?=t|ch)|p(?=p))?(?:(?:ky|gy|ny|hy|by|py|my|ry|sh|ch|j)[aiuo]|tsu|fu"
            + "|[kgbpmnr][aeiou]|[sz][aueo]|[td][aeo]|h[aieo]|wa|y[auo]|[aeiou])h?(?![aeiou]h)|n(?![aeiouy])|m(?=[bmp]))+");
    /** English and brand words that happen to look like romaji. */
    private static final Set<String> NOT_ROMAJI_NAMES = Set.of("name", "age", "date", "data", "home", "page", "game", "make", "take", "note", "rate",
            "mode", "more", "here", "are", "one", "done", "none", "gone", "to", "do", "go", "no", "so", "be", "he", "me", "on", "in", "an", "a", "i",
            "japan", "nihon", "nippon", "tokyo", "osaka", "kyoto", "okinawa", "naha", "hokkaido", "sapporo", "yokohama", "nagoya", "kobe",
            "fukuoka", "yahoo", "amazon", "rakuten", "nintendo", "sega", "toyota", "anime", "manga", "sushi", "ramen", "karaoke", "bento",
            "kaizen", "tempo", "piano", "banana", "tomato", "potato", "hero", "zero", "demo", "memo", "dome", "zone", "tone", "bone", "hope",
            "joke", "bike", "made", "same", "base", "rose", "nose", "pose", "use", "sake", "sumo", "judo", "karate", "ninja", "samurai",
            "emoji", "otaku", "tofu", "miso", "soba", "udon", "matcha", "origami", "area", "arena", "amen", "bare", "gene", "hate", "hike",
            "jane", "june", "mike", "mine", "nine", "pine", "pipe", "ripe", "rise", "ride", "robe", "rope", "sore", "tape", "wake", "wage",
            "open", "gate", "mate", "pane", "poke", "rare", "ago", "oh", "ok", "hi", "bye", "yes", "new", "top", "job", "pro", "mini", "maxi",
            "pokemon", "hai", "domo", "sayonara", "arigato", "tabemono",
            "hiragana", "katakana", "kanji", "romaji", "furigana", "nihongo", "sensei", "kaisha", "shigoto", "shokuba", "ikigai", "hikikomori");

    private LatinNameRules() {
    }

    static void latin(IdentifierScan s) {
        String n = s.norm;
        List<int[]> words = new ArrayList<>();
        Matcher m = LATIN_WORD.matcher(n);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j + 1 < words.size() && joins(n, words.get(j)[1], words.get(j + 1)[0])) {
                j++;
            }
            latinSequence(s, words.subList(i, j + 1));
            i = j + 1;
        }
        m = LATIN_INITIAL.matcher(n);
        while (m.find()) {
            String before = n.substring(Math.max(0, m.start() - 16), m.start());
            if (romajiName(m.group("v")) || LATIN_LABEL_CUE.matcher(before).find()) {
                s.add(Kind.PERSON_NAME, m.start(), m.end());
            }
        }
    }

    private static boolean joins(String n, int end, int nextStart) {
        String between = n.substring(end, nextStart);
        return between.equals(" ") || between.equals(", ") || between.equals("　");
    }

    private static void latinSequence(IdentifierScan s, List<int[]> seq) {
        String n = s.norm;
        int k = 0;
        boolean found = false;
        while (k + 1 < seq.size()) {
            if (romajiName(word(n, seq.get(k))) && romajiName(word(n, seq.get(k + 1)))) {
                int last = k + 1;
                while (last + 1 < seq.size() && romajiName(word(n, seq.get(last + 1))) && last - k < 2) {
                    last++;
                }
                s.add(Kind.PERSON_NAME, seq.get(k)[0], seq.get(last)[1]);
                found = true;
                k = last + 1;
            } else {
                k++;
            }
        }
        if (found) {
            return;
        }
        int start = seq.get(0)[0];
        String before = n.substring(Math.max(0, start - 16), start);
        int lastWord = Math.min(seq.size(), 3) - 1;
        int end = seq.get(lastWord)[1];
        String first = word(n, seq.get(0));
        boolean capitalized = first.length() >= 2 && Character.isLowerCase(first.charAt(1));
        if (LATIN_TITLE_CUE.matcher(before).find()) {
            s.add(Kind.PERSON_NAME, start, end);
        } else if (LATIN_LABEL_CUE.matcher(before).find() && (seq.size() >= 2 || capitalized && romajiName(first))) {
            s.add(Kind.PERSON_NAME, start, end);
        } else if (capitalized && first.length() >= 3 && LATIN_HONORIFIC_AFTER.matcher(n.substring(end, Math.min(n.length(), end + 4))).find()) {
            s.add(Kind.PERSON_NAME, start, end);
        }
    }

    private static String word(String n, int[] w) {
        return n.substring(w[0], w[1]);
    }

    private static boolean romajiName(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        return lower.length() >= 2 && !NOT_ROMAJI_NAMES.contains(lower) && ROMAJI.matcher(lower).matches();
    }
}

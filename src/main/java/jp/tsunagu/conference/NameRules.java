package jp.tsunagu.conference;

import jp.tsunagu.conference.IdentifierCheck.Kind;
import jp.tsunagu.conference.IdentifierScan.Token;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tsunagu.conference.IdentifierText.KANJI_ONLY;
import static jp.tsunagu.conference.IdentifierText.isHiragana;
import static jp.tsunagu.conference.IdentifierText.isKana;
import static jp.tsunagu.conference.IdentifierText.isKanji;
import static jp.tsunagu.conference.IdentifierText.isKatakana;
import static jp.tsunagu.conference.NameWords.HIRAGANA_NOT_NAMES;
import static jp.tsunagu.conference.NameWords.HONORIFIC;
import static jp.tsunagu.conference.NameWords.HONORIFICS;
import static jp.tsunagu.conference.NameWords.NOT_NAMES;
import static jp.tsunagu.conference.NameWords.PLACEHOLDER;
import static jp.tsunagu.conference.NameWords.ROLE_LINKS;
import static jp.tsunagu.conference.NameWords.ROLE_WORDS;
import static jp.tsunagu.conference.NameWords.TITLE;
import static jp.tsunagu.conference.NameWords.TITLE_FIRST_CHARS;
import static jp.tsunagu.conference.NameWords.UNIT_WORDS;

/**
 * Personal names in Japanese: as Kuromoji tags them, before an honorific or a job title, after a role word,
 * family and given name with a space, hiragana given names, names in kana with a space or ・.
 */
final class NameRules {

    /** Dr.山本, Ns.佐藤, PSW田中, JC鈴木: the abbreviations of professions that records put before a family name. */
    private static final Pattern PROFESSION_BEFORE = Pattern.compile("(?<![A-Za-z])(?:Dr|Ns|Nrs|PSW|MSW|CSW|SW|CW|JC|OT|PT|ST|CP|PHN|CM|SV)"
            + "\\.?\\s?(?=[一-龥々ァ-ヶ])");
    private static final Pattern SHORT_KANJI = Pattern.compile("[一-龥]{1,2}");
    private static final Pattern KATAKANA_WORD = Pattern.compile("[ァ-ヶー]{2,8}");
    /** 運転手, 家政婦, 彼氏: kanji words for a kind of person, not a surname. */
    private static final Pattern WORKER_ENDING = Pattern.compile("[手婦将工氏君殿]$");
    private static final Pattern ROLE_ENDING = Pattern.compile("(者|員|長|師|士|家|所|社|族|生|様|御|屋)$");
    private static final Pattern ROLE_SUFFIX = Pattern.compile(".*[者員長師士家所社族生様医官部課係科局室班校院園会団店場庁省署業職方人]$");
    /** Katakana as Japanese names are spelt: no long-vowel mark, no small ァィゥェォ, no ヴ (タナカ, キンジョウ, ユウタ). */
    private static final Pattern NATIVE_KATAKANA = Pattern.compile("(?:[アイウエオカ-ヂツ-モヤユヨラ-ロワンッ]|(?<=[キギシジチヂニヒビピミリ])[ャュョ])+");
    private static final Pattern KANA_PAIR = Pattern.compile("(?<![ァ-ヺー])(?<a>[ァ-ヺ]{2,7})[ 　・](?<b>[ァ-ヺ]{2,7})(?![ァ-ヺー])"
            + "|(?<![ぁ-ゖ])(?<c>[ぁ-ゖ]{2,6})[ 　・](?<d>[ぁ-ゖ]{2,6})(?![ぁ-ゖ])");
    private static final Pattern POLITE_ENDING = Pattern.compile(".*(ます|です|した|ない|たい|さい|ません|ました|って|て)$");

    private NameRules() {
    }

    /** Every name rule in turn, the names in Latin letters last. */
    static void names(IdentifierScan s) {
        List<Token> tokens = s.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean personName = t.pos().startsWith("名詞-固有名詞-人名");
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean honorificNext = next != null && next.start() == t.end() && HONORIFICS.contains(next.term());
            if (t.term().length() <= 2 && PLACEHOLDER.matcher(t.term()).matches() || NOT_NAMES.contains(t.term())
                    || HIRAGANA_NOT_NAMES.contains(t.term())) {
                continue;
            }
            if (personName && isKatakana(t.term().charAt(0)) && (t.start() > 0 && isKatakana(s.norm.charAt(t.start() - 1)) || !honorificNext)) {
                continue; // マネ in ケアマネ, オン in オン・オフ: katakana Kuromoji reads as a name counts only with an honorific (or as a pair, below)
            }
            if (personName) {
                int end = t.end();
                if (next != null && next.start() == end && next.pos().startsWith("名詞-固有名詞-人名")) {
                    end = next.end();
                }
                // a surname alone counts only with an honorific, a given name or a role (所長の南雲) beside it
                boolean surnameOnly = t.pos().endsWith("姓") && end == t.end();
                if (!surnameOnly || honorificNext || afterRole(s, i)) {
                    s.add(Kind.PERSON_NAME, t.start(), honorificNext ? next.end() : end);
                }
                continue;
            }
            if (!honorificNext) {
                continue;
            }
            boolean properNoun = t.pos().startsWith("名詞-固有名詞") || t.pos().startsWith("未知語");
            boolean katakanaName = KATAKANA_WORD.matcher(t.term()).matches() && !s.dictionaryWords(t.start(), t.end()); // not ヘルパーさん
            boolean kanjiSurname = SHORT_KANJI.matcher(t.term()).matches() && t.pos().startsWith("名詞-一般") && isLikelySurname(t.term());
            if (properNoun || katakanaName || kanjiSurname) {
                s.add(Kind.PERSON_NAME, t.start(), next.end());
            }
        }
        splitSurnames(s);
        Matcher m = PROFESSION_BEFORE.matcher(s.norm);
        while (m.find()) {
            int end = nameAfter(s, m.end());
            if (end > 0) {
                s.add(Kind.PERSON_NAME, m.start(), end);
            }
        }
        surnameSpaceGiven(s);
        titles(s);
        hiraganaHonorifics(s);
        kanaPairs(s);
        LatinNameRules.latin(s);
    }

    /** 外間氏, 仲村渠さん: a surname of two to four kanji that Kuromoji splits into pieces, standing alone before an honorific. */
    private static void splitSurnames(IdentifierScan s) {
        Matcher m = HONORIFIC.matcher(s.norm);
        while (m.find()) {
            int end = m.start();
            int start = end;
            while (start > 0 && end - start < 5 && isKanji(s.norm.charAt(start - 1))) {
                start--;
            }
            if (end - start < 2 || end - start > 4 || start > 0 && isKanji(s.norm.charAt(start - 1)) || s.tokenAt(start) == null) {
                continue;
            }
            String run = s.norm.substring(start, end);
            Token first = s.tokenAt(start);
            boolean split = first.end() < end;
            boolean nouns = true;
            for (int at = start; at < end && nouns; ) {
                Token t = s.tokenAt(at);
                nouns = t != null && t.end() <= end && t.pos().startsWith("名詞") && !t.pos().startsWith("名詞-数") && !t.pos().startsWith("名詞-代名詞");
                at = nouns ? t.end() : end;
            }
            if (split && nouns && !NOT_NAMES.contains(run) && !UNIT_WORDS.contains(run) && !ROLE_SUFFIX.matcher(run).matches()
                    && !ROLE_ENDING.matcher(run).find() && !WORKER_ENDING.matcher(run).find()) {
                s.add(Kind.PERSON_NAME, start, m.end());
            }
        }
    }

    /** Common nouns of one or two kanji before an honorific are rarely anything but a surname (田中さん is tagged 人名). */
    private static boolean isLikelySurname(String term) {
        return !ROLE_ENDING.matcher(term).find();
    }

    /** 所長の南雲と, 担当：南雲, 記入者：山田: a bare family name right after a role word and の, a colon or a space, before a particle or punctuation. */
    private static boolean afterRole(IdentifierScan s, int i) {
        if (i < 2) {
            return false;
        }
        Token t = s.tokens.get(i);
        Token link = s.tokens.get(i - 1);
        Token next = i + 1 < s.tokens.size() ? s.tokens.get(i + 1) : null;
        boolean ends = next == null || next.pos().startsWith("助詞") || next.pos().startsWith("記号") || next.start() > t.end();
        if (link.end() != t.start() || !ends || !ROLE_LINKS.contains(link.term())) {
            return false;
        }
        // the role may be a compound (記入+者, 担当+職員): try the words that end right before the link
        StringBuilder role = new StringBuilder();
        int end = link.start();
        for (int k = i - 2; k >= 0 && k >= i - 4 && s.tokens.get(k).end() == end; k--) {
            role.insert(0, s.tokens.get(k).term());
            end = s.tokens.get(k).start();
            String r = role.toString();
            if (link.term().equals("は") ? r.equals("名前") || r.equals("氏名") : ROLE_WORDS.contains(r) || TITLE.matcher(r).matches()) {
                return true;
            }
        }
        return false;
    }

    /** 仲村 さおり, 金城 亮, 山川 ゆい: a family name, one space, a given name. */
    private static void surnameSpaceGiven(IdentifierScan s) {
        List<Token> tokens = s.tokens;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token family = tokens.get(i);
            Token space = tokens.get(i + 1);
            Token given = tokens.get(i + 2);
            if (space.start() != family.end() || space.end() != given.start() || !(space.term().equals(" ") || space.term().equals("　"))) {
                continue;
            }
            boolean surname = family.pos().startsWith("名詞-固有名詞-人名-姓");
            boolean familyLike = surname || KANJI_ONLY.matcher(family.term()).matches() && family.term().length() <= 3
                    && (family.pos().startsWith("名詞-固有名詞") || family.pos().startsWith("名詞-一般"));
            if (!familyLike || NOT_NAMES.contains(family.term())) {
                continue;
            }
            if (given.pos().startsWith("名詞-固有名詞-人名-名")) {
                s.add(Kind.PERSON_NAME, family.start(), given.end());
                continue;
            }
            int end = given.start();
            while (end < s.norm.length() && isHiragana(s.norm.charAt(end))) {
                end++;
            }
            int len = end - given.start();
            boolean place = family.pos().startsWith("名詞-固有名詞-地域") || surname;
            if (place && len >= 2 && len <= 4 && hiraganaNameLike(s, given.start(), end, false)) {
                s.add(Kind.PERSON_NAME, family.start(), end);
            }
        }
    }

    /** A family name (kanji, katakana or hiragana) right before a job title: 森下医師, 大川課長, タカハシ主任, もりした先生. */
    private static void titles(IdentifierScan s) {
        // a title starts where a token starts (支店長 holds 店長 inside a word)
        Matcher m = TITLE.matcher(s.norm);
        for (Token t : s.tokens) {
            if (!TITLE_FIRST_CHARS.contains(t.term().charAt(0)) || !m.region(t.start(), s.norm.length()).lookingAt()) {
                continue;
            }
            int start = nameBefore(s, m.start());
            if (start < 0 && t.start() > 0 && (s.norm.charAt(t.start() - 1) == ' ' || s.norm.charAt(t.start() - 1) == '　')) {
                Token family = s.tokenEndingAt(t.start() - 1); // 森下 医師: only a family name Kuromoji knows, across the space
                start = family != null && family.pos().startsWith("名詞-固有名詞-人名") ? family.start() : -1;
            }
            if (start >= 0) {
                s.add(Kind.PERSON_NAME, start, m.end());
            }
        }
    }

    private static int nameBefore(IdentifierScan s, int at) {
        Token t = s.tokenEndingAt(at);
        if (t != null && !PLACEHOLDER.matcher(t.term()).matches() && !NOT_NAMES.contains(t.term()) && !ROLE_WORDS.contains(t.term())) {
            String pos = t.pos();
            Token prev = s.before(t);
            boolean prevAdjacentNoun = prev != null && prev.end() == t.start() && (prev.pos().startsWith("名詞") || prev.pos().startsWith("接頭詞"));
            if (pos.startsWith("名詞-固有名詞-人名")) {
                int start = t.start();
                while (prev != null && prev.end() == start && prev.pos().startsWith("名詞-固有名詞-人名")) {
                    start = prev.start();
                    prev = s.before(prev);
                }
                return start;
            }
            boolean kanji = KANJI_ONLY.matcher(t.term()).matches();
            if (kanji && t.term().length() <= 2 && prev != null && prev.end() == t.start() && prev.pos().startsWith("名詞-固有名詞-人名")
                    && pos.startsWith("名詞-一般")) {
                return prev.start(); // 仲村渠: a surname Kuromoji splits
            }
            if (pos.startsWith("名詞-固有名詞") && !prevAdjacentNoun && (kanji && t.term().length() <= 4
                    || NATIVE_KATAKANA.matcher(t.term()).matches() && t.term().length() >= 2)) {
                return t.start();
            }
            if (kanji && t.term().length() >= 3 && t.term().length() <= 4 && pos.startsWith("名詞-一般") && !prevAdjacentNoun
                    && !ROLE_SUFFIX.matcher(t.term()).matches()) {
                return t.start(); // 早乙女, 御手洗: surnames that are also words
            }
            boolean boundary = prev == null || prev.end() < t.start() || prev.pos().startsWith("助詞") || prev.pos().startsWith("記号");
            if (kanji && t.term().length() == 2 && pos.startsWith("名詞-一般") && boundary && !UNIT_WORDS.contains(t.term())
                    && !ROLE_SUFFIX.matcher(t.term()).matches()) {
                return t.start(); // 内科の長尾医師: a surname Kuromoji reads as a common noun, where no department word stands
            }
        }
        int k = at;
        while (k > 0 && isKatakana(s.norm.charAt(k - 1)) && at - k < 9) {
            k--;
        }
        boolean alone = !(k > 0 && isKatakana(s.norm.charAt(k - 1)));
        if (at - k >= 2 && at - k <= 8 && alone && NATIVE_KATAKANA.matcher(s.norm.substring(k, at)).matches() && !s.commonNoun(k, at)) {
            return k;
        }
        return hiraganaName(s, at, false);
    }

    /** The end of a family name that starts at {@code at} (山本, 比嘉, タナカ), or -1. */
    private static int nameAfter(IdentifierScan s, int at) {
        Token t = s.tokenAt(at);
        if (t == null || NOT_NAMES.contains(t.term()) || ROLE_WORDS.contains(t.term()) || UNIT_WORDS.contains(t.term())) {
            return -1;
        }
        boolean kanji = KANJI_ONLY.matcher(t.term()).matches();
        if (t.pos().startsWith("名詞-固有名詞-人名")) {
            Token next = s.tokenAt(t.end());
            return next != null && next.pos().startsWith("名詞-固有名詞-人名") ? next.end() : t.end();
        }
        boolean properName = t.pos().startsWith("名詞-固有名詞") && (kanji && t.term().length() <= 4 || NATIVE_KATAKANA.matcher(t.term()).matches());
        boolean wordSurname = kanji && t.term().length() >= 2 && t.term().length() <= 4 && t.pos().startsWith("名詞-一般")
                && !ROLE_SUFFIX.matcher(t.term()).matches();
        if (properName || wordSurname) {
            return t.end();
        }
        return -1;
    }

    /** ゆうきくん, さくらちゃん, あきらさん: a given name in hiragana before an honorific. */
    private static void hiraganaHonorifics(IdentifierScan s) {
        Matcher m = HONORIFIC.matcher(s.norm);
        while (m.find()) {
            int at = m.start();
            if (at == 0 || !isHiragana(s.norm.charAt(at - 1))) {
                continue;
            }
            // the honorific must not sit inside a dictionary word (たくさん, みなさん, ちゃんと is checked below)
            boolean inside = false;
            for (int p = Math.max(0, at - 6); p < at; p++) {
                Token t = s.tokenAt(p);
                if (t != null && t.end() >= m.end() && t.known()) {
                    inside = true;
                    break;
                }
            }
            if (inside) {
                continue;
            }
            boolean chanTo = s.norm.startsWith("ちゃんと", at);
            int start = hiraganaName(s, at, chanTo);
            if (start >= 0) {
                s.add(Kind.PERSON_NAME, start, m.end());
            }
        }
    }

    /** The start of a hiragana name ending at {@code at}, or -1. */
    private static int hiraganaName(IdentifierScan s, int at, boolean chanTo) {
        String n = s.norm;
        int i = at;
        while (i > 0 && isHiragana(n.charAt(i - 1)) && at - i < 8) {
            i--;
        }
        if (i > 0 && isHiragana(n.charAt(i - 1))) {
            return -1; // a long run of hiragana is a sentence
        }
        i = stripParticle(n, i, at);
        if (at - i < 2 || at - i > 6 || !hiraganaNameLike(s, i, at, chanTo)) {
            return -1;
        }
        return i;
    }

    /** 長女のさくら: a particle that joins the name to the kanji before it is not part of the name. */
    static int stripParticle(String n, int i, int end) {
        if (end - i >= 3 && i > 0 && !isHiragana(n.charAt(i - 1)) && "のはがとにもをへでや".indexOf(n.charAt(i)) >= 0) {
            return i + 1;
        }
        return i;
    }

    static boolean hiraganaNameLike(IdentifierScan s, int start, int end, boolean chanTo) {
        String run = s.norm.substring(start, end);
        if (run.length() < 2 || HIRAGANA_NOT_NAMES.contains(run) || s.functionWord(start, end)) {
            return false;
        }
        if (run.length() >= 4 && run.endsWith("や")) {
            return false; // がんばりやさん
        }
        if (run.endsWith("の") && s.tokenAt(start) != null && s.tokenAt(start).end() == end - 1 && s.tokenAt(start).known()) {
            return false; // ほかの, いつもの
        }
        if ("ないくてた".indexOf(run.charAt(run.length() - 1)) >= 0 && s.tokenEndingAt(end) != null && s.tokenEndingAt(end).known()
                && (s.tokenEndingAt(end).pos().startsWith("形容詞") || s.tokenEndingAt(end).pos().startsWith("助動詞")
                || s.tokenEndingAt(end).pos().startsWith("助詞-接続助詞")) && s.tokenEndingAt(end).term().length() >= 2) {
            return false; // あたらしい, ちいさな: an inflected word
        }
        return !chanTo || "てでにくずりもとっ".indexOf(run.charAt(run.length() - 1)) < 0; // まだちゃんと, ゆっくりちゃんと
    }

    /** ヤマダ タロウ, すずき・はなこ: family and given name in kana with a space or ・ between them. */
    private static void kanaPairs(IdentifierScan s) {
        String n = s.norm;
        Matcher m = KANA_PAIR.matcher(n);
        int from = 0;
        while (from < n.length() && m.find(from)) {
            boolean katakana = m.group("a") != null;
            boolean name = katakana ? katakanaPair(s, m) : hiraganaPair(s, m);
            if (name) {
                s.add(Kind.PERSON_NAME, m.start(), m.end());
                from = m.end();
            } else {
                from = m.start(katakana ? "b" : "d"); // フリガナ　イシガキ　マサエ: the second word may begin the name
            }
        }
    }

    private static boolean katakanaPair(IdentifierScan s, Matcher m) {
        String n = s.norm;
        String a = m.group("a");
        String b = m.group("b");
        // ・ joins lists of loanwords too (オン・オフ, ア・イ・ウ): such pairs need a longer name on one side and no third item
        boolean dot = n.charAt(m.end("a")) == '・';
        boolean list = m.start() >= 2 && n.charAt(m.start() - 1) == '・' && isKana(n.charAt(m.start() - 2))
                || m.end() + 1 < n.length() && n.charAt(m.end()) == '・' && isKana(n.charAt(m.end() + 1));
        return !list && NATIVE_KATAKANA.matcher(a).matches() && NATIVE_KATAKANA.matcher(b).matches() && (!dot || a.length() + b.length() >= 5)
                && !s.commonNoun(m.start("a"), m.end("a")) && !s.commonNoun(m.start("b"), m.end("b"));
    }

    private static boolean hiraganaPair(IdentifierScan s, Matcher m) {
        String n = s.norm;
        String c = m.group("c");
        String d = m.group("d");
        // ぼく は しごと が すき: hiragana written word by word (分かち書き) is a sentence, not a name
        boolean list = m.start() >= 2 && "・ 　".indexOf(n.charAt(m.start() - 1)) >= 0 && isHiragana(n.charAt(m.start() - 2))
                || m.end() + 1 < n.length() && "・ 　".indexOf(n.charAt(m.end())) >= 0 && isHiragana(n.charAt(m.end() + 1));
        boolean cFunction = s.functionWord(m.start("c"), m.end("c"));
        boolean dFunction = s.functionWord(m.start("d"), m.end("d"));
        boolean cName = isPersonToken(s, m.start("c"), m.end("c"));
        boolean dName = isPersonToken(s, m.start("d"), m.end("d"));
        String cPos = cFunction ? s.tokenAt(m.start("c")).pos() : "";
        boolean modifier = (cPos.startsWith("感動詞") || cPos.startsWith("接続詞") || cPos.startsWith("副詞") || cPos.startsWith("連体詞")
                || cPos.startsWith("形容詞")) && !dName; // また あした, やさしい にほんご
        boolean particleEnd = c.endsWith("を") || c.endsWith("へ") || "にをはがへ".indexOf(d.charAt(d.length() - 1)) >= 0
                || c.length() >= 3 && "はが".indexOf(c.charAt(c.length() - 1)) >= 0 && s.tokenAt(m.start("c")) != null
                && s.tokenAt(m.start("c")).end() == m.end("c") - 1 && s.tokenAt(m.start("c")).known(); // きょうは, ぼくが
        return !(list || particleEnd || modifier || POLITE_ENDING.matcher(d).matches() || cFunction && dFunction && !cName && !dName
                || HIRAGANA_NOT_NAMES.contains(c) || HIRAGANA_NOT_NAMES.contains(d));
    }

    private static boolean isPersonToken(IdentifierScan s, int start, int end) {
        Token t = s.tokenAt(start);
        return t != null && t.end() == end && t.pos().startsWith("名詞-固有名詞-人名");
    }
}

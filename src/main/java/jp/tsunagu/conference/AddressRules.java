package jp.tsunagu.conference;

import jp.tsunagu.conference.IdentifierCheck.Kind;
import jp.tsunagu.conference.IdentifierScan.Token;
import jp.tsunagu.conference.IdentifierText.Finder;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tsunagu.conference.IdentifierText.COUNTERS;
import static jp.tsunagu.conference.IdentifierText.DASH;
import static jp.tsunagu.conference.IdentifierText.DASHES;
import static jp.tsunagu.conference.IdentifierText.KANA_KANJI;
import static jp.tsunagu.conference.IdentifierText.KANJI_NUMERAL;
import static jp.tsunagu.conference.IdentifierText.KANJI_NUMERALS;
import static jp.tsunagu.conference.IdentifierText.KANJI_ONLY;
import static jp.tsunagu.conference.IdentifierText.anyOf;
import static jp.tsunagu.conference.IdentifierText.firstLetters;
import static jp.tsunagu.conference.IdentifierText.isDigit;
import static jp.tsunagu.conference.IdentifierText.isKanaKanji;
import static jp.tsunagu.conference.IdentifierText.isKanji;
import static jp.tsunagu.conference.IdentifierText.isKatakana;

/** Street-level addresses: block, lot and house numbers after a place name, rooms and buildings. */
final class AddressRules {

    /** 泉崎1丁目2番3号, 兼城123番地, 西崎町4番15号: a place name, then 丁目, 番地 or 番…号. */
    private static final Pattern ADDRESS_STREET = Pattern.compile("(?<place>" + KANA_KANJI + "{1,10}+)\\d{1,4}(?:\\s*丁目(?:\\s*\\d{1,4}\\s*(?:番地?|"
            + DASH + ")\\s*\\d{0,4}\\s*号?)?|番地(?:\\s*\\d{1,4})?|番\\s*\\d{1,4}号)");
    /** 本町七丁目八番九号: the same in kanji numerals (the place name before it is added when found). */
    private static final Pattern ADDRESS_KANJI_CHOME = Pattern.compile(KANJI_NUMERAL + "{1,3}丁目(?:" + KANJI_NUMERAL + "{1,4}番地?(?:" + KANJI_NUMERAL
            + "{1,4}号)?)?");
    /** サンハイツ203号室, ハイツ松風 2階201号室, 2階205号室 after アパートは: a room number with the building's name (or アパート…) before it. */
    private static final Pattern ROOM_NUMBER = Pattern.compile("(?<![0-9])(?:\\d{1,2}\\s?階\\s?)?\\d{2,4}\\s?号(?<room>室)?");
    private static final Pattern BUILDING_NAME_BEFORE = Pattern.compile("(?<![ァ-ヶー一-龥々])(?:[ァ-ヶー]{2,12}[一-龥々]{0,4}|[一-龥々]{1,6}(?:荘|棟|寮|団地|住宅))\\s?");
    private static final Pattern HOME_BEFORE = Pattern.compile("(?:アパート|マンション|団地|住宅|部屋|自室|居室)(?:は|の|が|[:：\\s]){1,2}");
    /** コーポ中央202, ハイツ西崎201, 第二杜ビル4F: a building word, the rest of its name, a floor or room number. */
    private static final List<String> BUILDING_WORDS = List.of("ハイツ", "コーポ", "マンション", "アパート", "レジデンス", "ハイム", "メゾン", "ビル", "タワー",
            "コート", "パレス", "ヒルズ", "プラザ", "ハウス", "シティ", "ガーデン", "荘", "棟", "寮", "団地", "住宅");
    private static final boolean[] BUILDING_FIRST = firstLetters(BUILDING_WORDS);
    private static final Pattern BUILDING_ROOM = Pattern.compile(anyOf(BUILDING_WORDS) + "[ァ-ヶー一-龥々]{0,6}\\s?(?:\\d{1,2}\\s?(?:階|F)\\s?)?\\d{2,4}"
            + "(?:\\s?号室?)?(?![0-9]|\\s?[" + COUNTERS + "万千百])");
    /** 泉崎1-2-3, 柏市柏1-2-3: block, lot and house number after a place name (checked: a 市/町/字…, a place name Kuromoji knows, or 住所 before). */
    private static final Pattern ADDRESS_THREE_NUMBERS = Pattern.compile("(?<place>" + KANA_KANJI + "{1,10}+)[1-9]\\d{0,2}" + DASH + "\\d{1,3}" + DASH
            + "\\d{1,3}(?![0-9])");
    /** 喜名2346-1, 東千石町18-27: two numbers after a place name (checked for a 市/町/村/字… in the name). */
    private static final Pattern ADDRESS_TWO_NUMBERS = Pattern.compile("(?<place>" + KANA_KANJI + "{1,12}+)[1-9]\\d{0,3}" + DASH + "\\d{1,4}(?![0-9"
            + DASHES + "]|\\s?[" + COUNTERS + "])");
    private static final Pattern PLACE_MARK = Pattern.compile("[都道府県市区町村郡字丁条通]");
    private static final Pattern PARTICLE = Pattern.compile("[のはがをにでとへもや]");
    /** 2-14-7, 1-2-3-405 written without the town: block-lot(-room) numbers. */
    private static final Pattern BLOCK_NUMBERS = Pattern.compile("(?<![0-9A-Za-z./" + DASHES + "])([1-9]\\d{0,3})" + DASH + "\\d{1,4}" + DASH
            + "\\d{1,4}(" + DASH + "\\d{1,4})?(?![0-9/.:" + DASHES + "])");
    private static final Pattern ADDRESS_LABEL = Pattern.compile("(住所|所在地|宛先|送付先|転居先|転送先|自宅|住まい|居所|実家|番地)[^。]{0,12}$");
    private static final Pattern BUILDING_AFTER = Pattern.compile("^\\s?(号室|号|階|F|棟|[ァ-ヶ]{2,}|[一-龥]{0,4}(ハイツ|コーポ|マンション|アパート|ビル|荘|寮|レジデンス|ハイム|メゾン))");

    private AddressRules() {
    }

    static void addresses(IdentifierScan s) {
        String n = s.norm;
        atPlaceNumbers(s, ADDRESS_STREET, 10, m -> s.add(Kind.ADDRESS, m.start(), m.end()));
        atPlaceNumbers(s, ADDRESS_THREE_NUMBERS, 10, m -> {
            if (placeName(s, m.start("place"), m.end("place"), true)) {
                s.add(Kind.ADDRESS, m.start(), m.end());
            }
        });
        atPlaceNumbers(s, ADDRESS_TWO_NUMBERS, 12, m -> {
            if (placeName(s, m.start("place"), m.end("place"), false)) {
                s.add(Kind.ADDRESS, m.start(), m.end());
            }
        });
        Matcher m = ADDRESS_KANJI_CHOME.matcher(n);
        for (int q = n.indexOf("丁目"); q > 0; q = n.indexOf("丁目", q + 2)) {
            int numbers = q;
            while (numbers > 0 && q - numbers < 3 && KANJI_NUMERALS.indexOf(n.charAt(numbers - 1)) >= 0) {
                numbers--;
            }
            int start = numbers;
            while (start > 0 && numbers - start < 10 && isKanaKanji(n.charAt(start - 1))) {
                start--;
            }
            if (numbers < q && start < numbers && m.region(numbers, n.length()).lookingAt()) {
                s.add(Kind.ADDRESS, start, m.end());
            }
        }
        m = ROOM_NUMBER.matcher(n);
        Matcher before = BUILDING_NAME_BEFORE.matcher(n).useTransparentBounds(true);
        Matcher home = HOME_BEFORE.matcher(n).useTransparentBounds(true);
        while (m.find()) {
            int from = Math.max(0, m.start() - 18);
            if (endsAt(before.region(from, m.start()), m.start())) {
                s.add(Kind.ADDRESS, before.start(), m.end());
            } else if (m.group("room") != null && endsAt(home.region(from, m.start()), m.start())) {
                s.add(Kind.ADDRESS, home.start(), m.end());
            }
        }
        Finder building = new Finder(n, BUILDING_ROOM, BUILDING_FIRST);
        while (building.next()) {
            int start = building.m.start();
            while (start > 0 && building.m.start() - start < 8 && (isKatakana(n.charAt(start - 1)) || isKanji(n.charAt(start - 1)))) {
                start--;
            }
            s.add(Kind.ADDRESS, start, building.m.end());
        }
        m = BLOCK_NUMBERS.matcher(n);
        while (m.find()) {
            boolean fourParts = m.group(2) != null;
            boolean shortFirst = m.group(1).length() <= 3;
            String textBefore = n.substring(Math.max(0, m.start() - 16), m.start());
            String after = n.substring(m.end(), Math.min(n.length(), m.end() + 12));
            if (fourParts || shortFirst && (ADDRESS_LABEL.matcher(textBefore).find() || BUILDING_AFTER.matcher(after).find())) {
                s.add(Kind.ADDRESS, m.start(), m.end());
            }
        }
    }

    /** Whether the matcher finds, in its region, a match that ends exactly at {@code end} (the words right before a number). */
    private static boolean endsAt(Matcher m, int end) {
        while (m.find()) {
            if (m.end() == end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tries {@code p} (a run of kana and kanji, then digits) once per number written right after a place name: at the
     * earliest point at most {@code longest} characters before the number, which is where a search would find it.
     */
    private static void atPlaceNumbers(IdentifierScan s, Pattern p, int longest, Consumer<Matcher> found) {
        String n = s.norm;
        Matcher m = p.matcher(n).useTransparentBounds(true).useAnchoringBounds(false);
        int done = 0;
        for (int d = 1; d < n.length(); d++) {
            if (!isDigit(n.charAt(d)) || !isKanaKanji(n.charAt(d - 1)) || d < done) {
                continue;
            }
            int start = d;
            while (start > 0 && d - start < longest && isKanaKanji(n.charAt(start - 1))) {
                start--;
            }
            if (m.region(Math.max(start, done), n.length()).lookingAt()) {
                found.accept(m);
                done = m.end();
            }
        }
    }

    /**
     * The words before house numbers name a place: a 市/町/村/字/丁/条… with no particle after it, or (when
     * {@code knownPlace}) a place name Kuromoji knows right before the numbers, or 住所/自宅… shortly before.
     */
    private static boolean placeName(IdentifierScan s, int start, int end, boolean knownPlace) {
        String place = s.norm.substring(start, end);
        Matcher mark = PLACE_MARK.matcher(place);
        int last = -1;
        while (mark.find()) {
            last = mark.end();
        }
        if (last >= 0 && !PARTICLE.matcher(place.substring(last)).find()) {
            return true;
        }
        if (!knownPlace) {
            return false;
        }
        Token t = s.tokenEndingAt(end);
        if (t != null && (t.pos().startsWith("名詞-固有名詞-地域") || !t.known() && KANJI_ONLY.matcher(t.term()).matches())) {
            return true;
        }
        return ADDRESS_LABEL.matcher(s.norm.substring(Math.max(0, end - 16), end)).find();
    }
}

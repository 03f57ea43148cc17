package jp.tsunagu.conference;

import jp.tsunagu.conference.IdentifierCheck.Kind;
import jp.tsunagu.conference.IdentifierText.Finder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tsunagu.conference.IdentifierText.COUNTERS;
import static jp.tsunagu.conference.IdentifierText.DASH;
import static jp.tsunagu.conference.IdentifierText.DASHES;
import static jp.tsunagu.conference.IdentifierText.KANJI_NUMERAL;
import static jp.tsunagu.conference.IdentifierText.LATIN_LETTER;
import static jp.tsunagu.conference.IdentifierText.isAsciiAlnum;
import static jp.tsunagu.conference.IdentifierText.letters;

/** Dates of birth, My Number, postal codes, certificate and other ID numbers. */
final class NumberRules {

    // ---- dates of birth
    private static final String ERA_YEAR = "(?:(?:明治|大正|昭和|平成|令和)\\s?(?:\\d{1,2}|元|" + KANJI_NUMERAL + "{1,3})|[MTSHR]\\s?\\d{1,2}|(?:19|20)\\d{2})";
    private static final String MONTH_DAY_JA = "(?:\\d{1,2}|" + KANJI_NUMERAL + "{1,3})\\s?月\\s?(?:\\d{1,2}|" + KANJI_NUMERAL + "{1,3})\\s?日";
    private static final String DATE_JA = ERA_YEAR + "\\s?年\\s?(?:[（(]\\s?(?:19|20)\\d{2}\\s?年?\\s?[）)]\\s?)?" + MONTH_DAY_JA;
    private static final String DATE_NUMERIC = ERA_YEAR + "\\s?[/.\\-]\\s?\\d{1,2}\\s?[/.\\-]\\s?\\d{1,2}(?![0-9])";
    private static final String DATE_US = "\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}";
    private static final String MONTH_EN = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    private static final String DATE_EN = "\\d{1,2}(?:st|nd|rd|th)?\\s" + MONTH_EN + ",?\\s(?:19|20)\\d{2}|" + MONTH_EN
            + "\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s(?:19|20)\\d{2}";
    private static final String DATE_COMPACT = "(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?![0-9])";
    private static final String DATE = "(?:" + DATE_JA + "|" + DATE_US + "|" + DATE_NUMERIC + "|" + DATE_EN + ")";
    private static final String BIRTH_LABEL = "(?:生年月日|誕生日|出生日|(?<![A-Za-z])[Dd]\\.?[Oo]\\.?[Bb]\\.?(?![a-z])|[Dd]ate\\sof\\s[Bb]irth"
            + "|[Bb]irth\\s?[Dd]ate"
            + "|[Bb]irthday|(?<![A-Za-z])[Bb]orn(?:\\son)?)";
    private static final String BIRTH_GAP = "(?:欄)?(?:[\\s:：=＝「『（(]|は|が|も|毎年){0,4}";
    private static final Pattern BIRTH_DATE = Pattern.compile("(?:" + BIRTH_LABEL + BIRTH_GAP + "(?:" + DATE + "|" + DATE_COMPACT + ")"
            + "|誕生日" + BIRTH_GAP + MONTH_DAY_JA
            + "|(?<![一-龥々ぁ-んァ-ヶ])生[\\s:：]+(?:" + DATE + "|" + DATE_COMPACT + ")"
            + "|" + DATE + "\\s?(?:生まれ|生(?![一-龥々]))"
            + "|" + MONTH_DAY_JA + "(?:が|は)?(?:誕生日|生まれ)"
            + "|" + ERA_YEAR + "\\s?年\\s?(?:\\d{1,2}|" + KANJI_NUMERAL + "{1,3})\\s?月\\s?(?:生まれ|生(?![一-龥々])))");

    private static final boolean[] BIRTH_DATE_FIRST = letters("生誕出DdBb明大昭平令MTSHR0123456789一二三四五六七八九十〇JFMASOND");

    // ---- My Number, postal codes
    private static final Pattern MY_NUMBER = Pattern.compile("(?<![0-9])\\d{4}[ " + DASHES + "]?\\d{4}[ " + DASHES + "]?\\d{4}(?![0-9])");
    private static final Pattern POSTAL_CODE = Pattern.compile("〒\\s*\\d{3}" + DASH + "?\\d{4}|(?<![0-9" + DASHES + "])\\d{3}" + DASH
            + "\\d{4}(?![0-9" + DASHES + "])");

    // ---- certificate and other ID numbers: a label ending in 番号/ID/No./コード/記号, or 第…号
    private static final Pattern ID_KEY = Pattern.compile("(?<![A-Za-z])(?:番号|マイナンバー|ナンバー|ID|No\\.?|NO\\.?|№|コード|記号)(?![A-Za-z])"
            + "(?:欄)?(?:[\\s:：=＝「『（(]|は|が|の|も){0,4}(?:(?:No\\.?|№)\\s?)?(?:第\\s?)?");
    private static final boolean[] ID_KEY_FIRST = letters("番マナIN№コ記");
    private static final Pattern ORDINAL_NUMBER = Pattern.compile("(?<![0-9A-Za-z])第\\s?");
    private static final Pattern CERTIFICATE_LABEL = Pattern.compile("手帳|受給者|証|保険|年金|免許|在留|診察券|通知カード|記号");
    private static final Pattern PERSON_CODE_LABEL = Pattern.compile("社員|職員|従業員|利用者|会員|顧客|患者|個人|本人|学生|生徒|受給者|登録者|求職者");
    private static final Pattern MY_NUMBER_LABEL = Pattern.compile("マイナンバー|個人番号");
    /** A number after 番号 that is a phone number or a postal code (電話番号, 郵便番号, 代表番号): left to those rules. */
    private static final Pattern PHONE_OR_POSTAL = Pattern.compile("0\\d{1,4}[ " + DASHES + "]?\\d{1,4}[ " + DASHES + "]?\\d{3,4}"
            + "|\\d{3}" + DASH + "\\d{4}");

    private NumberRules() {
    }

    static void myNumbers(IdentifierScan s) {
        s.find(MY_NUMBER, Kind.MY_NUMBER);
    }

    static void postalCodes(IdentifierScan s) {
        s.find(POSTAL_CODE, Kind.POSTAL_CODE);
    }

    static void birthDates(IdentifierScan s) {
        Finder birth = new Finder(s.norm, BIRTH_DATE, BIRTH_DATE_FIRST);
        while (birth.next()) {
            s.add(Kind.BIRTH_DATE, birth.m.start(), birth.m.end());
        }
    }

    /** Certificate, employee, case and other ID numbers after a label (手帳番号, 社員番号 EMP-00123, 利用者ID U-2024-0031, 第12-3456号). */
    static void idNumbers(IdentifierScan s) {
        String n = s.norm;
        Finder f = new Finder(n, ID_KEY, ID_KEY_FIRST);
        Matcher m = f.m;
        while (f.next()) {
            int end = idToken(n, m.end());
            String value = end > 0 ? n.substring(m.end(), end) : "";
            boolean certificate = end > 0 && CERTIFICATE_LABEL.matcher(label(n, m.start(), m.end())).find();
            boolean phoneOrPostal = PHONE_OR_POSTAL.matcher(value).matches() && (value.length() == 8 || digits(value) >= 10);
            boolean shortNumber = value.chars().allMatch(Character::isDigit) && value.length() < 4; // 背番号10, 整理番号 12
            // コード names goods as often as people (商品コード, JANコード): only a person's code counts
            boolean goodsCode = m.group().startsWith("コード") && !PERSON_CODE_LABEL.matcher(label(n, m.start(), m.end())).find();
            if (end > 0 && !(phoneOrPostal && !certificate) && !(shortNumber && !certificate) && !goodsCode) {
                s.add(idKind(n, m.start(), m.end(), end), m.start(), end);
            }
        }
        m = ORDINAL_NUMBER.matcher(n);
        while (m.find()) {
            int end = idToken(n, m.end());
            if (end < 0) {
                continue;
            }
            int close = end;
            while (close < n.length() && n.charAt(close) == ' ') {
                close++;
            }
            String value = n.substring(m.end(), end);
            boolean numbered = digits(value) >= 4 || LATIN_LETTER.matcher(value).find() || value.chars().anyMatch(c -> DASHES.indexOf(c) >= 0);
            if (close < n.length() && n.charAt(close) == '号' && numbered) { // 第12-3456号, 第B-20871号, 第0472103号 (not 第5号)
                Kind kind = idKind(n, m.start(), m.end(), end);
                s.add(kind == Kind.ID_NUMBER ? Kind.CERTIFICATE_NUMBER : kind, m.start(), close + 1);
            }
        }
    }

    /** The end of an ID written from {@code at} (letters, digits, hyphens between them, spaces between digit groups), or -1. */
    private static int idToken(String n, int at) {
        int i = at;
        int digits = 0;
        int alnum = 0;
        while (i < n.length()) {
            char c = n.charAt(i);
            if (isAsciiAlnum(c)) {
                alnum++;
                if (c >= '0' && c <= '9') {
                    digits++;
                }
                i++;
            } else if ((DASHES.indexOf(c) >= 0 || c == ' ' || c == '_' || c == '.') && alnum > 0 && i + 1 < n.length()
                    && isAsciiAlnum(n.charAt(i + 1))
                    && (c != ' ' || Character.isDigit(n.charAt(i - 1)) && Character.isDigit(n.charAt(i + 1)))) {
                i++;
            } else {
                break;
            }
        }
        if (digits < 2 || alnum < 2) {
            return -1;
        }
        String value = n.substring(at, i);
        boolean plainNumber = value.length() <= 4 && value.chars().allMatch(Character::isDigit);
        if (plainNumber && i < n.length() && COUNTERS.indexOf(n.charAt(i)) >= 0) {
            return -1; // 12回, 3件, 20人: a count, not an ID
        }
        if (i < n.length() && (Character.isLetter(n.charAt(i)) && n.charAt(i) < 0x80 || n.charAt(i) == '@')) {
            return -1;
        }
        return i;
    }

    private static long digits(String value) {
        return value.chars().filter(Character::isDigit).count();
    }

    /** The words before an ID's key and the key itself: 精神障害者保健福祉手帳番号, 利用者ID. */
    private static String label(String n, int keyStart, int valueStart) {
        int from = keyStart;
        while (from > 0 && keyStart - from < 14 && (isWordChar(n.charAt(from - 1))
                || n.charAt(from - 1) == ' ' && from > 1 && isWordChar(n.charAt(from - 2)) && keyStart - from < 6)) {
            from--;
        }
        return n.substring(from, valueStart);
    }

    private static Kind idKind(String n, int keyStart, int valueStart, int valueEnd) {
        String label = label(n, keyStart, valueStart);
        String value = n.substring(valueStart, valueEnd);
        if (MY_NUMBER_LABEL.matcher(label).find()) {
            return Kind.MY_NUMBER;
        }
        if (CERTIFICATE_LABEL.matcher(label).find()) {
            return Kind.CERTIFICATE_NUMBER; // 運転免許証番号 has twelve digits too
        }
        if (MY_NUMBER.matcher(value).matches()) {
            return Kind.MY_NUMBER;
        }
        if (value.contains("_") || LATIN_LETTER.matcher(value).find() && value.contains(".")) {
            return Kind.HANDLE;
        }
        return Kind.ID_NUMBER;
    }

    private static boolean isWordChar(char c) {
        return c >= '一' && c <= '龥' || c == '々' || c >= 'ぁ' && c <= 'ん' || c >= 'ァ' && c <= 'ヶ' || c == 'ー' || c == '（' || c == '）'
                || c == '(' || c == ')' || isAsciiAlnum(c);
    }
}

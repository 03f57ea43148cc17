package jp.tsunagu.conference;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what could identify a person in the free text of a case sheet or board: personal names
 * (with an honorific, or family + given name as Kuromoji tags them), phone numbers, postal codes,
 * street-level addresses, dates of birth, e-mail addresses, My Number and certificate numbers,
 * and employer names (company forms such as 株式会社…, and names from the directory). Saving is
 * refused until the text is reworded; the spans are returned so the page can highlight them.
 * De-identified forms pass: A氏, Bさん, 利用者さん, お母さん, 40代男性, 那覇市在住, 4月10日に面談.
 * Offsets refer to the text as given (it is normalized only for matching; NFKC keeps lengths of
 * the characters matched here, full-width digits and letters included).
 */
public final class IdentifierCheck {

    public enum Kind { PERSON_NAME, PHONE, POSTAL_CODE, ADDRESS, BIRTH_DATE, EMAIL, MY_NUMBER, CERTIFICATE_NUMBER, EMPLOYER }

    public record Finding(Kind kind, int start, int end, String excerpt) {
    }

    private static final String DASHES = "‐‑–—―ー−－-"; // the ASCII hyphen last, so it never makes a range
    private static final String DASH = "[" + DASHES + "]";
    private static final String KANA_KANJI = "[一-龥ぁ-んァ-ヶ]";
    private static final List<Rule> RULES = List.of(
            new Rule(Kind.EMAIL, Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")),
            new Rule(Kind.MY_NUMBER, Pattern.compile("(?<![0-9])\\d{4}[ " + DASHES + "]?\\d{4}[ " + DASHES + "]?\\d{4}(?![0-9])")),
            new Rule(Kind.PHONE, Pattern.compile("(?<![0-9])0\\d{1,4}(" + DASH + "| |\\(|（)?\\d{1,4}(" + DASH
                    + "| |\\)|）)?\\d{3,4}(?![0-9])")),
            new Rule(Kind.POSTAL_CODE, Pattern.compile("〒\\s*\\d{3}" + DASH + "?\\d{4}|(?<![0-9" + DASHES + "])\\d{3}" + DASH
                    + "\\d{4}(?![0-9" + DASHES + "])")),
            new Rule(Kind.BIRTH_DATE, Pattern.compile("(生年月日|誕生日)[は:：\\s]*\\S{0,4}?\\d{1,4}[年/.\\-]\\d{1,2}[月/.\\-]\\d{1,2}日?"
                    + "|(明治|大正|昭和|平成|令和|[MTSHR])?\\s*\\d{1,4}\\s*[年/.]\\s*\\d{1,2}\\s*[月/.]\\s*\\d{1,2}\\s*日?\\s*(生まれ|生)")),
            new Rule(Kind.CERTIFICATE_NUMBER, Pattern.compile("(手帳|受給者証|保険証|被保険者証|証)(の)?(番号|No\\.?|NO\\.?|№)[は:：\\s]*[A-Za-z]?\\d{3,}"
                    + "|(番号|No\\.?|№)[は:：\\s]*[A-Za-z]?\\d{5,11}(?![0-9 " + DASHES + "])|第\\s*\\d{4,}\\s*号")),
            new Rule(Kind.ADDRESS, Pattern.compile(KANA_KANJI + "{1,10}\\d{1,4}\\s*丁目(\\s*\\d{1,4}\\s*(番地?|" + DASH
                    + ")\\s*\\d{0,4}\\s*号?)?|" + KANA_KANJI + "{1,10}\\d{1,4}番地(\\s*\\d{1,4})?|" + KANA_KANJI
                    + "{1,10}\\d{1,4}番\\s*\\d{1,4}号|" + KANA_KANJI + "{1,10}[1-9]\\d{0,2}" + DASH + "\\d{1,3}" + DASH + "\\d{1,3}(?![0-9])")),
            new Rule(Kind.EMPLOYER, Pattern.compile("(株式会社|有限会社|合同会社|合資会社|（株）|\\(株\\)|㈱|（有）|\\(有\\)|㈲)\\s*"
                    + "[一-龥ぁ-んァ-ヶA-Za-z0-9ー・]{1,20}|[一-龥ァ-ヶA-Za-z0-9ー・]{1,20}(株式会社|（株）|\\(株\\)|㈱)")));

    private record Rule(Kind kind, Pattern pattern) {
    }

    /** Words that take さん/様 but name nobody: roles, family members, places. */
    static final Set<String> NOT_NAMES = Set.of("利用者", "本人", "ご本人", "母", "お母", "父", "お父", "兄", "お兄", "姉", "お姉",
            "弟", "妹", "奥", "息子", "娘", "ご家族", "家族", "担当者", "担当", "支援者", "社長", "店長", "部長", "課長", "係長", "主任",
            "先生", "皆", "みな", "みんな", "企業", "事業所", "会社", "相談員", "職員", "上司", "同僚", "主治医", "医師", "看護師",
            "ご両親", "両親", "祖母", "祖父", "おばあ", "おじい", "お客", "客", "相手", "利用", "当事者", "支援員", "ジョブコーチ",
            "ハローワーク", "センター", "皆様", "各位", "参加者", "提供者", "事例提供者", "司会", "記録者", "助言者", "講師", "お嬢",
            "坊ちゃん", "奥様", "ご主人", "主人", "夫", "妻", "叔母", "叔父", "おば", "おじ", "子", "お子", "患者", "家主", "大家",
            "お隣", "隣人", "近所", "役所", "市役所", "区役所", "学校", "病院", "施設", "グループホーム", "作業所", "事務所", "工場",
            "店舗", "お店", "パート", "新人", "先輩", "後輩", "友人", "友達", "彼", "彼女", "ケースワーカー", "ワーカー", "Aさん");
    private static final Pattern HONORIFIC = Pattern.compile("(さん|様|さま|氏|君|くん|ちゃん|殿)");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[A-ZＡ-Ｚa-z○◯×＊*]{1,2}$");

    private final Set<String> employers;

    /** @param employers employer names from the directory (matched as they are written) */
    public IdentifierCheck(Set<String> employers) {
        this.employers = employers;
    }

    public List<Finding> check(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String norm = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (norm.length() != text.length()) {
            // a character that NFKC expands (e.g. ㈱): match on the text as given, so offsets stay true
            norm = text;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(norm);
            while (m.find()) {
                add(out, rule.kind(), m.start(), m.end(), text);
            }
        }
        for (String employer : employers) {
            if (employer.length() < 2) {
                continue;
            }
            int at = norm.indexOf(employer);
            while (at >= 0) {
                add(out, Kind.EMPLOYER, at, at + employer.length(), text);
                at = norm.indexOf(employer, at + employer.length());
            }
        }
        names(norm, text, out);
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
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
            out.add(new Finding(overlap.kind(), s, e, text.substring(s, e)));
            return;
        }
        out.add(new Finding(kind, start, end, text.substring(start, end)));
    }

    /** Names: a Kuromoji person-name token (姓 or 名), or an unknown word right before an honorific. */
    private static void names(String norm, String text, List<Finding> out) {
        List<Token> tokens = tokens(norm);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean personName = t.pos().startsWith("名詞-固有名詞-人名");
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean honorificNext = next != null && next.start() == t.end() && HONORIFIC.matcher(next.term()).matches();
            if (PLACEHOLDER.matcher(t.term()).matches() || NOT_NAMES.contains(t.term())) {
                continue;
            }
            if (personName) {
                int end = t.end();
                if (next != null && next.start() == end && next.pos().startsWith("名詞-固有名詞-人名")) {
                    end = next.end();
                }
                // a surname alone counts only with an honorific or a given name beside it
                boolean surnameOnly = t.pos().endsWith("姓") && end == t.end();
                if (!surnameOnly || honorificNext) {
                    add(out, Kind.PERSON_NAME, t.start(), honorificNext ? next.end() : end, text);
                }
                continue;
            }
            if (honorificNext && (t.pos().startsWith("名詞-固有名詞") || t.pos().startsWith("未知語")
                    || t.term().matches("[ァ-ヶー]{2,8}") || t.term().matches("[一-龥]{1,2}") && t.pos().startsWith("名詞-一般")
                    && !NOT_NAMES.contains(t.term()) && t.term().length() <= 2 && isLikelySurname(t.term()))) {
                add(out, Kind.PERSON_NAME, t.start(), next.end(), text);
            }
        }
    }

    /** Common nouns of one or two kanji before an honorific are rarely anything but a surname (田中さん is tagged 人名). */
    private static boolean isLikelySurname(String term) {
        return !term.matches(".*(者|員|長|師|士|家|所|社|族|生|様)$");
    }

    private record Token(String term, String pos, int start, int end) {
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String p = pos.getPartOfSpeech();
                out.add(new Token(term.toString(), p == null ? "未知語" : p, offset.startOffset(), offset.endOffset()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

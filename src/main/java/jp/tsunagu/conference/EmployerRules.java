package jp.tsunagu.conference;

import jp.tsunagu.conference.IdentifierCheck.Kind;
import jp.tsunagu.conference.IdentifierScan.Token;
import jp.tsunagu.conference.IdentifierText.Finder;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static jp.tsunagu.conference.IdentifierText.anyOf;
import static jp.tsunagu.conference.IdentifierText.firstLetters;
import static jp.tsunagu.conference.IdentifierText.isAsciiAlnum;
import static jp.tsunagu.conference.IdentifierText.isHiragana;
import static jp.tsunagu.conference.IdentifierText.isKana;
import static jp.tsunagu.conference.IdentifierText.isKanji;
import static jp.tsunagu.conference.IdentifierText.isKatakana;
import static jp.tsunagu.conference.IdentifierText.letters;
import static jp.tsunagu.conference.NameRules.hiraganaNameLike;
import static jp.tsunagu.conference.NameRules.stripParticle;
import static jp.tsunagu.conference.NameWords.HONORIFICS;
import static jp.tsunagu.conference.NameWords.PLACEHOLDER;
import static jp.tsunagu.conference.NameWords.TITLES;

/** Employers: names with a legal form (株式会社…, 医療法人…), shop and firm names, branches, quoted workplaces. */
final class EmployerRules {

    private static final List<String> LEGAL_FORMS = List.of("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "（株）", "(株)", "㈱", "（有）", "(有)",
            "㈲", "（同）", "(同)", "（医）", "(医)", "（福）", "(福)", "（社福）", "(社福)", "（一社）", "(一社)", "（特非）", "(特非)", "（NPO）", "(NPO)",
            "医療法人社団", "医療法人財団", "社会医療法人", "医療法人", "社会福祉法人", "特定非営利活動法人", "NPO法人", "ＮＰＯ法人", "一般社団法人",
            "一般財団法人", "公益社団法人", "公益財団法人", "学校法人", "農事組合法人", "農業生産法人", "有限責任事業組合", "企業組合", "事業協同組合",
            "生活協同組合");
    private static final boolean[] LEGAL_FORM_FIRST = firstLetters(LEGAL_FORMS);
    private static final String NAME_CHARS = "[一-龥々ぁ-んァ-ヶーA-Za-z0-9・&＆]";
    private static final Pattern EMPLOYER_PREFIXED = Pattern.compile(anyOf(LEGAL_FORMS) + "\\s?(?<v>" + NAME_CHARS + "{1,24}(?:(?<=[会団])\\s"
            + NAME_CHARS + "{1,16})?)");
    private static final List<String> SUFFIXED_FORMS = List.of("株式会社", "（株）", "(株)", "㈱", "有限会社", "（有）", "(有)", "㈲", "合同会社");
    private static final Pattern EMPLOYER_SUFFIX = Pattern.compile(anyOf(SUFFIXED_FORMS));
    private static final boolean[] SUFFIXED_FORM_FIRST = firstLetters(SUFFIXED_FORMS);
    /** Kinds of business that follow a shop or firm name: うりずん食品, あおば寿司, ハマナス物流. */
    private static final List<String> BUSINESS_KANJI = List.of("食品", "精肉", "鮮魚", "青果", "製菓", "製パン", "寿司", "鮨", "食堂", "弁当", "惣菜", "農園",
            "農場", "牧場", "商店", "商会", "商事", "工務店", "工業", "産業", "建設", "運送", "運輸", "物流", "印刷", "薬局", "病院", "医院", "歯科", "整骨院",
            "接骨院", "旅館", "珈琲", "製作所", "工房", "本舗", "精工", "電設", "電機", "設備", "資材", "観光", "交通", "水産", "酒造");
    private static final List<String> BUSINESS_KATAKANA = List.of("クリニック", "ファーム", "ベーカリー", "ストア", "マート", "ホテル", "カフェ");
    private static final List<String> BUSINESS_WORDS = Stream.concat(BUSINESS_KANJI.stream(), BUSINESS_KATAKANA.stream()).toList();
    private static final Pattern BUSINESS = Pattern.compile(anyOf(BUSINESS_WORDS));
    private static final boolean[] BUSINESS_FIRST = firstLetters(BUSINESS_WORDS);
    /** Hiragana before a business word that is grammar or a person, not a shop name: …の病院, 奥さんは病院. */
    private static final Pattern HIRAGANA_NOT_BRAND = Pattern.compile("[のはがをにでともへや]$|さん|ちゃん|くん|さま");
    /** イオン那覇店, ローソン浦添店: a chain's name, a place, then 店/支店/営業所 — a branch where someone works. */
    private static final Pattern EMPLOYER_BRANCH = Pattern.compile("(?<![ァ-ヶーA-Za-z])(?:[ァ-ヶー]{2,12}+|[A-Z][A-Za-z&'.]{1,15}+)(?<place>[一-龥々]{1,5})"
            + "(?:本店|支店|店|営業所|事業所|工場)");
    /** スーパーまるみつ, ホテル・コーラルリーフ, カフェ・ド・ソラマメ: a kind of shop, then its name. */
    private static final Pattern EMPLOYER_SHOP = Pattern.compile("(?<![ァ-ヶー])(?:スーパー|ホテル|カフェ|レストラン|居酒屋|旅館|ドラッグストア|ベーカリー|クリニック|喫茶)"
            + "(?<sep>[・\\s]?)(?<v>[ぁ-んァ-ヶー一-龥々A-Za-z0-9・]{2,20})");
    private static final boolean[] EMPLOYER_SHOP_FIRST = letters("スホカレ居旅ドベク喫");
    private static final boolean[] EMPLOYER_QUOTED_FIRST = letters("勤就実内職雇派通事アバパ前応面見お店「");
    private static final Pattern EMPLOYER_QUOTED = Pattern.compile("(?:勤務先|就職先|実習先|内定先|職場|雇用主|勤め先|派遣先|通所先|就労先|事業所|アルバイト先|バイト先"
            + "|パート先|前職|応募先|面接先|見学先|お店|店舗)(?:は|の|：|:|\\s|も|が|で){0,3}「(?<v>[^」「。、]{2,25})」"
            + "|「(?<w>[^」「。、]{2,25})」(?:の|で|に|へ)?(?:洗い場|厨房|工場|倉庫|店舗|売り場|仕込み|品出し|清掃|配送|レジ|ホール|勤務|就職|採用|実習|アルバイト"
            + "|パート|働|勤め|面接|見学|包装|製造)");
    /** Words a quoted shop name does not contain: the quote is a remark (「静かで働きやすい」). */
    private static final Set<String> REMARK_WORDS = Set.of("です", "ます", "でした", "ました", "たい", "ない", "から", "けど", "ので", "って", "よ", "ね");

    private EmployerRules() {
    }

    static void employers(IdentifierScan s) {
        String n = s.norm;
        Finder f = new Finder(n, EMPLOYER_PREFIXED, LEGAL_FORM_FIRST);
        Matcher m = f.m;
        while (f.next()) {
            int end = nameStartsHere(s, m.start("v")) ? nameEnd(s, m.start("v"), m.end("v")) : -1;
            while (end > m.start("v") && Character.isWhitespace(n.charAt(end - 1))) {
                end--;
            }
            if (end > m.start("v") && !PLACEHOLDER.matcher(n.substring(m.start("v"), end)).matches()) {
                s.add(Kind.EMPLOYER, m.start(), end);
            }
        }
        f = new Finder(n, EMPLOYER_SUFFIX, SUFFIXED_FORM_FIRST);
        while (f.next()) {
            // the name before 株式会社, ㈱ …: up to 20 letters, kanji or katakana (hiragana would take in the particles before it)
            int start = f.m.start();
            while (start > 0 && f.m.start() - start < 20 && isSuffixedNameChar(n.charAt(start - 1))) {
                start--;
            }
            if (start < f.m.start() && !PLACEHOLDER.matcher(n.substring(start, f.m.start())).matches()) {
                s.add(Kind.EMPLOYER, start, f.m.end());
            }
        }
        f = new Finder(n, BUSINESS, BUSINESS_FIRST);
        m = f.m;
        while (f.next()) {
            int end = m.start();
            int k = end;
            while (k > 0 && isKatakana(n.charAt(k - 1)) && end - k <= 10) {
                k--;
            }
            int h = k;
            while (h > 0 && isHiragana(n.charAt(h - 1)) && k - h <= 8) {
                h--;
            }
            int start;
            boolean ok;
            if (k - h >= 2 && (end - k == 0 || end - k >= 2 && end - k <= 8) && !(h > 0 && isKana(n.charAt(h - 1)))) {
                // a shop name in hiragana (うりずん食品, こもれびメンタルクリニック)
                start = stripParticle(n, h, k);
                String hiragana = n.substring(start, k);
                boolean okurigana = start == h && h > 0 && isKanji(n.charAt(h - 1)); // 大きな病院, 新しい薬局
                ok = !okurigana && hiraganaNameLike(s, start, k, false) && !HIRAGANA_NOT_BRAND.matcher(hiragana).find();
            } else {
                // katakana alone: a made-up name (ハマナス, タイヨー) before a kanji business word, not a loanword (ペット病院)
                start = k;
                ok = h == k && end - k >= 3 && end - k <= 10 && !(k > 0 && isKana(n.charAt(k - 1))) && !s.dictionaryWords(k, end)
                        && !BUSINESS_KATAKANA.contains(m.group());
            }
            if (ok) {
                s.add(Kind.EMPLOYER, start, m.end());
            }
        }
        m = EMPLOYER_BRANCH.matcher(n);
        while (m.find()) {
            boolean place = true;
            for (int at = m.start("place"); at < m.end("place"); ) {
                Token t = s.tokenAt(at);
                if (t == null || t.end() > m.end("place") || !t.pos().startsWith("名詞-固有名詞-地域")) {
                    place = false;
                    break;
                }
                at = t.end();
            }
            if (place && s.tokenAt(m.start("place")) != null) {
                s.add(Kind.EMPLOYER, m.start(), m.end());
            }
        }
        f = new Finder(n, EMPLOYER_SHOP, EMPLOYER_SHOP_FIRST);
        m = f.m;
        while (f.next()) {
            int v = m.start("v");
            Token t = s.tokenAt(v);
            boolean separated = !m.group("sep").isEmpty();
            boolean ok = nameStartsHere(s, v) && !(t != null && t.pos().startsWith("名詞-接尾"));
            if (!separated) {
                // スーパーまるみつ: only a name in kana right after the kind of shop, not a compound (ホテル業務, スーパーマーケット)
                int kana = v;
                while (kana < n.length() && isHiragana(n.charAt(kana))) {
                    kana++;
                }
                ok = ok && kana - v >= 2 && hiraganaNameLike(s, v, kana, false);
            }
            if (ok) {
                int end = nameEnd(s, v, m.end("v"));
                if (end > v) {
                    s.add(Kind.EMPLOYER, m.start(), end);
                }
            }
        }
        f = new Finder(n, EMPLOYER_QUOTED, EMPLOYER_QUOTED_FIRST);
        m = f.m;
        while (f.next()) {
            String g = m.group("v") != null ? "v" : "w";
            if (quotedNameLike(s, m.start(g), m.end(g))) {
                s.add(Kind.EMPLOYER, m.start(g), m.end(g));
            }
        }
    }

    /**
     * A name starts at {@code v} unless only particles stand there before the next kanji or katakana
     * (株式会社の社員, 医療法人と連携, 社会福祉法人として); a name in hiragana (はえばる給食) may begin with は or の.
     */
    private static boolean nameStartsHere(IdentifierScan s, int v) {
        int r = v;
        while (r < s.norm.length() && isHiragana(s.norm.charAt(r))) {
            r++;
        }
        int at = v;
        while (at < r) {
            Token t = s.tokenAt(at);
            if (t == null || t.end() > r || !(t.pos().startsWith("助詞") || t.pos().startsWith("助動詞"))) {
                return true;
            }
            at = t.end();
        }
        return r == v;
    }

    /** Where an organization's name written from {@code start} ends: before the first particle, auxiliary or verb after its kana. */
    private static int nameEnd(IdentifierScan s, int start, int limit) {
        int at = start;
        while (at < limit && isHiragana(s.norm.charAt(at))) {
            at++;
        }
        if (at > start && s.tokenAt(at) == null) {
            at = start; // the kana run ends inside a token: walk the tokens from the start
        }
        while (at < limit) {
            Token t = s.tokenAt(at);
            if (t == null) {
                at++;
                continue;
            }
            if (at > start && (t.pos().startsWith("助詞") || t.pos().startsWith("助動詞") || t.pos().startsWith("動詞"))) {
                return at;
            }
            at = t.end();
        }
        return Math.min(at, limit);
    }

    /** A quoted name (「やんばる精肉センター」), not a quoted remark (「静かで働きやすい」) nor a person (「タカハシ主任」). */
    private static boolean quotedNameLike(IdentifierScan s, int start, int end) {
        String quoted = s.norm.substring(start, end);
        if (TITLES.stream().anyMatch(quoted::endsWith) || HONORIFICS.stream().anyMatch(quoted::endsWith)) {
            return false;
        }
        int at = start;
        while (at < end) {
            Token t = s.tokenAt(at);
            if (t == null) {
                return true; // the tokens run across the quote: leave it to the other rules
            }
            if (t.known() && (t.pos().startsWith("形容詞") || t.pos().startsWith("助動詞") && !t.term().equals("だ")
                    || t.pos().startsWith("助詞") && !t.term().equals("の") && !t.term().equals("と") || t.pos().startsWith("名詞-形容動詞語幹"))
                    && !isHiragana(t.term().charAt(0))) {
                return false;
            }
            if (t.pos().startsWith("動詞") && !isHiragana(t.term().charAt(0))) {
                return false;
            }
            if (REMARK_WORDS.contains(t.term())) {
                return false;
            }
            at = t.end();
        }
        return true;
    }

    private static boolean isSuffixedNameChar(char c) {
        return c >= '一' && c <= '龥' || c == '々' || c >= 'ァ' && c <= 'ヶ' || c == 'ー' || c == '・' || c == '&' || c == '＆' || isAsciiAlnum(c);
    }
}

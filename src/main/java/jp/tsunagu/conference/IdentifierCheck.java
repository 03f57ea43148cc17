package jp.tsunagu.conference;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.InflectionAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds what could identify a person in the free text of a case sheet or board: personal names
 * (with an honorific or a job title — 森下医師, Dr.山本 —, family + given name as Kuromoji tags them,
 * names written in kana with a space or ・ between family and given name, names in Latin letters as in
 * signatures and résumés), phone numbers, postal codes, street-level addresses (block, lot and room
 * numbers), dates of birth, e-mail addresses (also written as [at], アットマーク …), social-media handles
 * and messenger IDs, My Number, certificate numbers and other ID numbers, and employer names (legal
 * forms such as 株式会社…, 医療法人…, NPO法人…, shop names such as うりずん食品 or スーパー○○, and names
 * from the directory). Saving is refused until the text is reworded; the spans are returned so the page
 * can highlight them; they never overlap.
 * De-identified forms pass: A氏, Bさん, C社, H課長, ○○部長, 利用者さん, お母さん, 主治医, 人事課長, 40代男性,
 * 那覇市在住, 4月10日に面談, 2024-02-28の報告会, 療育手帳B2, ハローワーク那覇, ASD, Excel, LINE (without an ID).
 * Each rule describes how one kind of identifier is written in Japanese records; none knows particular
 * people. Offsets refer to the text as given: it is normalized for matching one character at a time
 * (NFKC where that keeps one character, so full-width digits and letters match as ASCII).
 */
public final class IdentifierCheck {

    /** What a finding is: HANDLE is an account on a social or messaging service, ID_NUMBER an ID other than a certificate's (社員番号, 利用者ID). */
    public enum Kind { PERSON_NAME, PHONE, POSTAL_CODE, ADDRESS, BIRTH_DATE, EMAIL, MY_NUMBER, CERTIFICATE_NUMBER, EMPLOYER, HANDLE, ID_NUMBER }

    public record Finding(Kind kind, int start, int end, String excerpt) {
    }

    private static final String DASHES = "‐‑–—―ー−－-"; // the ASCII hyphen last, so it never makes a range
    private static final String DASH = "[" + DASHES + "]";
    private static final String KANA_KANJI = "[一-龥々ぁ-んァ-ヶ]";
    private static final String KANJI_NUMERALS = "一二三四五六七八九十〇";
    private static final String KANJI_NUMERAL = "[" + KANJI_NUMERALS + "]";

    // ---- e-mail, also as it is written to dodge harvesting or read out: name (at) example dot com, アットマーク …
    private static final String MAIL_WORD = "[A-Za-z0-9_%+\\-]++";
    private static final String MAIL_DOT = "(?:\\.|\\s?[\\[(（【]\\s?(?:dot|DOT|ドット)\\s?[\\])）】]\\s?|\\s(?:dot|DOT)\\s|[\\s、,]{0,2}ドット[\\s、,]{0,2})";
    private static final String MAIL_SPOKEN = "[\\s、,]{0,2}(?:アンダーバー|アンダースコア|ハイフン)[\\s、,]{0,2}";
    private static final String MAIL_AT = "(?:\\s{0,2}@\\s{0,2}|\\s?[\\[(（【]\\s?(?:at|AT|アット|アットマーク|@)\\s?[\\])）】]\\s?|\\s(?:at|AT)\\s"
            + "|[\\s、,]{0,2}アット(?:マーク)?[\\s、,]{0,2})";
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9_%+.\\-])" + MAIL_WORD + "(?:(?:" + MAIL_DOT + "|" + MAIL_SPOKEN + ")"
            + MAIL_WORD + ")*+[\"”'」]?" + MAIL_AT + "[A-Za-z0-9\\-]++(?:" + MAIL_DOT + "[A-Za-z0-9\\-]++)++");
    /** ゆうた アット example.com: a spoken or bracketed at before a domain, whatever the name before it is written in. */
    private static final Pattern EMAIL_SPOKEN = Pattern.compile("(?:[\\[(（【]\\s?(?:at|AT|アット|アットマーク|@)\\s?[\\])）】]|アット(?:マーク)?)[\\s、,]{0,2}"
            + "[A-Za-z0-9\\-]++(?:" + MAIL_DOT + "[A-Za-z0-9\\-]++)++");
    private static final Pattern TOP_LEVEL_DOMAIN = Pattern.compile("[A-Za-z]{2,}$");

    // ---- social-media handles and messenger IDs
    private static final String SNS = "(?:LINE|ライン|Twitter|ツイッター|Instagram|インスタ(?:グラム)?|TikTok|ティックトック|Discord|ディスコード|Skype|スカイプ"
            + "|Facebook|フェイスブック|Threads|スレッズ|pixiv|ピクシブ|YouTube|ユーチューブ|Snapchat|WeChat|KakaoTalk|カカオトーク|Telegram"
            + "|Steam|Switch|PSN|Xbox|Mastodon|Bluesky|note)";
    private static final String ACCOUNT_LABEL = "(?:ID|アイディー|アカウント名?|ユーザー(?:名|ネーム|ID)|ユーザ名|ハンドル(?:ネーム)?|フレンドコード|表示名)";
    private static final String HANDLE_GAP = "(?:\\s|[:：=＝「『（(【\\[→⇒]|の|は|を|が|で|も|って|とは|では|として|交換した|個人の|" + ACCOUNT_LABEL + "){0,6}";
    private static final String HANDLE_TOKEN = "(?<v>[A-Za-z0-9][A-Za-z0-9_.:#/\\-]{1,39})";
    private static final Pattern HANDLE_AT = Pattern.compile("(?<![A-Za-z0-9_%+.\\-@])@(?=[A-Za-z0-9_.]{0,29}[A-Za-z])"
            + "[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?");
    private static final Pattern HANDLE_TAG = Pattern.compile("(?<![A-Za-z0-9_.])[A-Za-z0-9_.]{2,32}#\\d{4}(?![0-9])");
    private static final Pattern PROFILE_URL = Pattern.compile("(?=[A-Za-z])(?<![A-Za-z0-9.\\-/])(?:https?://)?(?:www\\.|m\\.|mobile\\.)?"
            + "(?:twitter\\.com|x\\.com|instagram\\.com"
            + "|facebook\\.com|fb\\.com|tiktok\\.com|youtube\\.com|youtu\\.be|note\\.com|note\\.mu|ameblo\\.jp|threads\\.net|line\\.me|pixiv\\.net"
            + "|github\\.com|linkedin\\.com|nicovideo\\.jp|twitch\\.tv"
            + "|[A-Za-z0-9\\-]+\\.(?:hatenablog\\.(?:com|jp)|blogspot\\.com|fc2\\.com|livedoor\\.blog))"
            + "/[^\\s　、。，）)」』>\\]]+");
    private static final Pattern HANDLE_LABELLED = Pattern.compile("(?:(?<![A-Za-z])" + SNS + "(?![a-z])|アカウント名?|ユーザー(?:名|ネーム|ID)|ハンドル(?:ネーム)?"
            + "|フレンドコード)(?<gap>" + HANDLE_GAP + ")" + HANDLE_TOKEN);
    private static final boolean[] HANDLE_LABELLED_FIRST = letters("LラTツIイテDデSスFフpピYユWKカPXMBnアハ");
    private static final Pattern HAS_ACCOUNT_LABEL = Pattern.compile(ACCOUNT_LABEL);

    // ---- phone numbers
    private static final String PHONE_SEP = "(?:\\s{0,2}[・.．" + DASHES + "]\\s{0,2}|\\s)";
    private static final Pattern PHONE = Pattern.compile("(?<![0-9+])(?:0\\d{1,4}(?:" + PHONE_SEP + "|[(（])?\\d{1,4}(?:" + PHONE_SEP
            + "|\\s?[)）]\\s?)?\\d{3,4}|[(（]\\s?0\\d{1,4}\\s?[)）]\\s?\\d{1,4}" + PHONE_SEP + "?\\d{3,4})(?![0-9])"
            + "|\\+\\s?81" + PHONE_SEP + "?(?:[(（]0[)）])?\\d{1,4}" + PHONE_SEP + "?\\d{1,4}" + PHONE_SEP + "?\\d{3,4}(?![0-9])");
    private static final String SPOKEN_DIGIT = "(?:ゼロ|レイ|マル|イチ|ニ|サン|ヨン|シ|ゴ|ロク|ナナ|シチ|ハチ|キュウ|キュー|ク)";
    private static final Pattern SPOKEN_PHONE = Pattern.compile("(?:ゼロ|レイ|マル)(?>[、,・\\s]?" + SPOKEN_DIGIT + "){9,}");

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

    // ---- addresses
    private static final String COUNTERS = "日時回年月人名歳件か個本台枚倍円点分秒週桁位級等割通社校箇ヶ%";
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
    /** Hiragana before a business word that is grammar or a person, not a shop name: …の病院, 奥さんは病院. */
    private static final Pattern HIRAGANA_NOT_BRAND = Pattern.compile("[のはがをにでともへや]$|さん|ちゃん|くん|さま");
    private static final Pattern PLACE_MARK = Pattern.compile("[都道府県市区町村郡字丁条通]");
    private static final Pattern PARTICLE = Pattern.compile("[のはがをにでとへもや]");
    /** 2-14-7, 1-2-3-405 written without the town: block-lot(-room) numbers. */
    private static final Pattern BLOCK_NUMBERS = Pattern.compile("(?<![0-9A-Za-z./" + DASHES + "])([1-9]\\d{0,3})" + DASH + "\\d{1,4}" + DASH
            + "\\d{1,4}(" + DASH + "\\d{1,4})?(?![0-9/.:" + DASHES + "])");
    private static final Pattern ADDRESS_LABEL = Pattern.compile("(住所|所在地|宛先|送付先|転居先|転送先|自宅|住まい|居所|実家|番地)[^。]{0,12}$");
    private static final Pattern BUILDING_AFTER = Pattern.compile("^\\s?(号室|号|階|F|棟|[ァ-ヶ]{2,}|[一-龥]{0,4}(ハイツ|コーポ|マンション|アパート|ビル|荘|寮|レジデンス|ハイム|メゾン))");

    // ---- employers
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

    // ---- names
    /** Words that take さん/様 but name nobody: roles, family members, places. */
    static final Set<String> NOT_NAMES = Set.of("利用者", "本人", "ご本人", "母", "お母", "父", "お父", "兄", "お兄", "姉", "お姉",
            "弟", "妹", "奥", "息子", "娘", "ご家族", "家族", "担当者", "担当", "支援者", "社長", "店長", "部長", "課長", "係長", "主任",
            "先生", "皆", "みな", "みんな", "企業", "事業所", "会社", "相談員", "職員", "上司", "同僚", "主治医", "医師", "看護師",
            "ご両親", "両親", "祖母", "祖父", "おばあ", "おじい", "お客", "客", "相手", "利用", "当事者", "支援員", "ジョブコーチ",
            "ハローワーク", "センター", "皆様", "各位", "参加者", "提供者", "事例提供者", "司会", "記録者", "助言者", "講師", "お嬢",
            "坊ちゃん", "奥様", "ご主人", "主人", "親御", "八百屋", "魚屋", "花屋", "本屋", "肉屋", "酒屋", "床屋", "米屋", "薬屋", "靴屋", "部屋",
            "ケアマネ", "ケアマネージャー", "ヘルパー", "ボランティア", "スタッフ", "コーチ",
            "トレーナー", "ドライバー", "リーダー", "マネージャー", "カウンセラー", "パートナー", "ママ", "パパ", "彼氏", "親戚", "親族",
            "職安", "旦那", "嫁", "お嫁", "婿", "お婿", "孫", "お孫", "義母", "義父", "義姉", "義兄", "伯父", "伯母", "甥", "姪", "長男", "次男",
            "三男", "長女", "次女", "三女", "恋人", "知人", "婚約者", "配偶者", "相方", "先方", "店主", "大将", "女将", "親方", "職人", "業者",
            "派遣", "受付", "通訳", "社員", "店員", "駅員", "役員", "会員", "民生委員", "委員", "夫", "妻", "叔母", "叔父", "おば", "おじ", "子", "お子", "患者", "家主", "大家",
            "お隣", "隣人", "近所", "役所", "市役所", "区役所", "学校", "病院", "施設", "グループホーム", "作業所", "事務所", "工場",
            "店舗", "お店", "パート", "新人", "先輩", "後輩", "友人", "友達", "彼", "彼女", "ケースワーカー", "ワーカー", "Aさん");
    /** Hiragana words before さん/ちゃん/先生 that are kin terms, pronouns, set phrases or animals, not given names. */
    private static final Set<String> HIRAGANA_NOT_NAMES = Set.of("この", "その", "あの", "どの", "みな", "みんな", "ばあ", "じい", "かあ", "とう",
            "にい", "ねえ", "あか", "ぼっ", "じょう", "ちび", "あなた", "あんた", "わたし", "ぼく", "おれ", "かれ", "かのじょ", "だんな", "よめ",
            "むすめ", "むすこ", "こども", "ともだち", "あいて", "どなた", "どちら", "こちら", "そちら", "あちら", "かかりつけ", "おかあ", "おとう",
            "おにい", "おねえ", "おばあ", "おじい", "おば", "おじ", "おく", "おこ", "おきゃく", "おいしゃ", "おまわり", "おじょう", "おとなり",
            "おむかい", "おや", "おやご", "おっ", "おばちゃ", "おつかれ", "おかげ", "おたがい", "おひとり", "おふたり", "おさき", "おだいじ",
            "おせわ", "おうち", "おひさ", "ごくろう", "ごちそう", "ごしゅじん", "ごかぞく", "ごりょうしん", "ごきょうだい", "ごふうふ",
            "ごきんじょ", "ごいっしょ", "ほかの", "べつの", "いつもの", "まえの", "もとの", "みんなの", "ほか", "べつ", "まえ", "もと",
            "うさぎ", "ねこ", "こねこ", "いぬ", "こいぬ", "わん", "にゃん", "くま", "ぞう", "さる", "とり", "ひよこ", "かえる", "ぱんだ", "きりん");
    private static final Pattern HONORIFIC = Pattern.compile("(さん|様|さま|氏|君|くん|ちゃん|殿)");
    private static final Set<String> HONORIFICS = Set.of("さん", "様", "さま", "氏", "君", "くん", "ちゃん", "殿");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[A-ZＡ-Ｚa-z○◯〇×＊*△□●◎]{1,2}$");
    /** Job titles that follow a family name in records: 森下医師, 大川課長, タカハシ主任, 宇佐美教諭, 早乙女支援員 (longer ones first). */
    private static final List<String> TITLES = List.of(
            "サービス管理責任者", "相談支援専門員", "職場適応援助者", "就労支援員", "生活支援員", "職業指導員", "看護師長", "看護部長", "副所長", "副店長",
            "副社長", "副部長", "副院長", "副校長", "副園長", "課長補佐", "課長代理", "部長代理", "所長代理", "理事長", "施設長", "事務長", "工場長",
            "センター長", "主任カウンセラー", "カウンセラー", "ジョブコーチ", "ケースワーカー", "ソーシャルワーカー", "マネージャー", "マネジャー",
            "コーディネーター", "看護師", "保健師", "保育士", "栄養士",
            "心理士", "心理師", "作業療法士", "理学療法士", "言語聴覚士", "社会福祉士", "精神保健福祉士", "介護福祉士", "弁護士", "税理士", "司法書士",
            "社労士", "社会保険労務士", "行政書士", "支援員",
            "指導員", "相談員", "世話人", "専門員", "管理者", "サビ管", "先生", "医師", "医長", "教諭", "教授", "准教授", "講師", "教頭", "校長", "園長", "院長", "師長", "所長", "室長",
            "課長", "部長", "次長", "係長", "主任", "主査", "主幹", "主事", "班長", "社長", "会長", "専務", "常務", "取締役", "店長", "殿", "技師",
            "保護司", "議員", "主治医", "担当医",
            "ドクター", "ナース", "Dr", "Ns", "PSW", "MSW", "CW", "SW", "JC");
    private static final Set<Character> TITLE_FIRST_CHARS = TITLES.stream().map(t -> t.charAt(0)).collect(Collectors.toSet());
    private static final Pattern TITLE = Pattern.compile("(?:" + String.join("|", TITLES) + ")(?!会|団|室|職|級|候補|制|[A-Za-z])");
    /** Dr.山本, Ns.佐藤, PSW田中, JC鈴木: the abbreviations of professions that records put before a family name. */
    private static final Pattern PROFESSION_BEFORE = Pattern.compile("(?<![A-Za-z])(?:Dr|Ns|Nrs|PSW|MSW|CSW|SW|CW|JC|OT|PT|ST|CP|PHN|CM|SV)"
            + "\\.?\\s?(?=[一-龥々ァ-ヶ])");
    /** Departments, specialties and kinds of post that stand before a title without naming anyone: 人事課長, 内科医師, 教頭先生. */
    private static final Set<String> UNIT_WORDS = Set.of("人事", "総務", "営業", "経理", "財務", "法務", "教務", "教頭", "担任", "副担", "学年", "工場", "現場",
            "本部", "支店", "支社", "本社", "店舗", "部門", "内科", "外科", "眼科", "歯科", "小児", "精神", "主治", "産業", "専属", "嘱託", "常勤", "派遣",
            "契約", "新任", "前任", "後任", "病棟", "外来", "医局", "学部", "製造", "品質", "物流", "販売", "企画", "広報", "開発", "技術", "施設", "学校",
            "病院", "医院", "地域", "福祉", "代表", "社内", "社外", "女性", "男性", "若手", "新人", "先輩", "同期", "上司", "職場", "会社", "企業",
            "校内", "院内", "園内", "学級", "進路", "生徒", "保健", "衛生", "安全", "管理", "事業", "事務", "庶務", "業務", "生産", "資材", "購買",
            "倉庫", "配送", "調理", "給食", "清掃", "警備", "受付", "窓口", "相談", "支援", "指導", "訓練", "研修", "教育", "育成", "採用", "労務",
            "厚生", "人材", "顧客", "品管", "工務", "設計", "整備", "検査", "研究", "分室", "分校", "本校", "本店", "全店", "各店", "当店", "自店",
            "他店", "前職", "元職", "現職", "家庭", "学童", "保育", "幼稚", "病室", "診療", "看護", "介護", "作業", "理学", "言語", "臨床", "心理");
    /** Words a quoted shop name does not contain: the quote is a remark (「静かで働きやすい」). */
    private static final Set<String> REMARK_WORDS = Set.of("です", "ます", "でした", "ました", "たい", "ない", "から", "けど", "ので", "って", "よ", "ね");
    private static final Set<String> ROLE_LINKS = Set.of("の", ":", "：", "・", " ", "　", "は");
    /** Words a family name follows with の or ：, as in 所長の南雲と, 担当：南雲. */
    private static final Set<String> ROLE_WORDS = Set.of("担当", "担当者", "担任", "主治医", "上司", "同僚", "先輩", "後輩", "職員", "相談員", "支援員",
            "ジョブコーチ", "看護師", "医師", "所長", "課長", "部長", "社長", "店長", "係長", "主任", "班長", "院長", "園長", "校長", "教頭",
            "理事長", "文責", "記録者", "作成者", "報告者", "記入者", "司会", "指導係", "責任者", "氏名", "名前", "担当職員", "差出人", "送信者",
            "申請者", "相談者", "対象者", "保護者", "連絡者", "発信者", "受信者", "通報者");
    private static final Pattern KANJI_ONLY = Pattern.compile("[一-龥々]+");
    private static final Pattern SHORT_KANJI = Pattern.compile("[一-龥]{1,2}");
    private static final Pattern KATAKANA_WORD = Pattern.compile("[ァ-ヶー]{2,8}");
    /** 運転手, 家政婦, 彼氏: kanji words for a kind of person, not a surname. */
    private static final Pattern WORKER_ENDING = Pattern.compile("[手婦将工氏君殿]$");
    private static final Pattern ROLE_ENDING = Pattern.compile("(者|員|長|師|士|家|所|社|族|生|様|御|屋)$");
    private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern ID_PUNCTUATION_OR_DIGIT = Pattern.compile("[0-9_.#:\\-]");
    private static final Pattern ROLE_SUFFIX = Pattern.compile(".*[者員長師士家所社族生様医官部課係科局室班校院園会団店場庁省署業職方人]$");
    /** Katakana as Japanese names are spelt: no long-vowel mark, no small ァィゥェォ, no ヴ (タナカ, キンジョウ, ユウタ). */
    private static final Pattern NATIVE_KATAKANA = Pattern.compile("(?:[アイウエオカ-ヂツ-モヤユヨラ-ロワンッ]|(?<=[キギシジチヂニヒビピミリ])[ャュョ])+");
    private static final Pattern KANA_PAIR = Pattern.compile("(?<![ァ-ヺー])(?<a>[ァ-ヺ]{2,7})[ 　・](?<b>[ァ-ヺ]{2,7})(?![ァ-ヺー])"
            + "|(?<![ぁ-ゖ])(?<c>[ぁ-ゖ]{2,6})[ 　・](?<d>[ぁ-ゖ]{2,6})(?![ぁ-ゖ])");
    private static final Pattern POLITE_ENDING = Pattern.compile(".*(ます|です|した|ない|たい|さい|ません|ました|って|て)$");
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

    /** An alternation of literal words. */
    private static String anyOf(List<String> words) {
        return "(?:" + words.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")";
    }

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
        String norm = normalize(text);
        Scan s = new Scan(norm, text, tokens(forTokenizer(norm)), out);
        emails(s);
        handles(s);
        find(s, MY_NUMBER, Kind.MY_NUMBER);
        phones(s);
        find(s, POSTAL_CODE, Kind.POSTAL_CODE);
        Finder birth = new Finder(norm, BIRTH_DATE, BIRTH_DATE_FIRST);
        while (birth.next()) {
            s.add(Kind.BIRTH_DATE, birth.m.start(), birth.m.end());
        }
        idNumbers(s);
        addresses(s);
        employers(s);
        for (String employer : employers) {
            if (employer.length() < 2) {
                continue;
            }
            String name = normalize(employer); // as the text is: ＡＢＣ商事 and ABC商事 are one name
            int at = norm.indexOf(name);
            while (at >= 0) {
                add(out, Kind.EMPLOYER, at, at + name.length(), text);
                at = norm.indexOf(name, at + name.length());
            }
        }
        names(s);
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    /**
     * NFKC character by character (full-width digits, letters and ＠ become ASCII), keeping a character as given where
     * NFKC would turn it into several (㈱, ①, ℡) or none, so every offset into the result is an offset into the text.
     */
    static String normalize(String text) {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || Character.isSurrogate(c)) {
                out.append(c);
                continue;
            }
            String n = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            out.append(n.length() == 1 ? n.charAt(0) : c);
        }
        return out.toString();
    }

    /** The text being checked: normalized for matching, as given for excerpts, and its Kuromoji tokens indexed by offset. */
    private static final class Scan {
        final String norm;
        final String text;
        final List<Token> tokens;
        final List<Finding> out;
        final int[] startingAt;
        final int[] endingAt;

        Scan(String norm, String text, List<Token> tokens, List<Finding> out) {
            this.norm = norm;
            this.text = text;
            this.tokens = tokens;
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
            IdentifierCheck.add(out, kind, start, end, text);
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

    private static void find(Scan s, Pattern p, Kind kind) {
        Matcher m = p.matcher(s.norm);
        while (m.find()) {
            s.add(kind, m.start(), m.end());
        }
    }

    private static void emails(Scan s) {
        for (Pattern p : List.of(EMAIL, EMAIL_SPOKEN)) {
            Matcher m = p.matcher(s.norm);
            while (m.find()) {
                if (TOP_LEVEL_DOMAIN.matcher(m.group()).find()) {
                    s.add(Kind.EMAIL, m.start(), m.end());
                }
            }
        }
    }

    private static void handles(Scan s) {
        find(s, HANDLE_AT, Kind.HANDLE);
        find(s, HANDLE_TAG, Kind.HANDLE);
        find(s, PROFILE_URL, Kind.HANDLE);
        Finder f = new Finder(s.norm, HANDLE_LABELLED, HANDLE_LABELLED_FIRST);
        Matcher m = f.m;
        while (f.next()) {
            String id = m.group("v");
            boolean labelled = HAS_ACCOUNT_LABEL.matcher(m.group("gap")).find() || m.group().startsWith("アカウント")
                    || m.group().startsWith("ユーザー") || m.group().startsWith("ハンドル") || m.group().startsWith("フレンドコード");
            boolean idLike = ID_PUNCTUATION_OR_DIGIT.matcher(id).find() && LATIN_LETTER.matcher(id).find() && id.length() >= 3;
            if (idLike || labelled && id.length() >= 3) {
                s.add(Kind.HANDLE, m.start(), m.end("v"));
            }
        }
    }

    private static void phones(Scan s) {
        Matcher m = PHONE.matcher(s.norm);
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            if (digits >= 10 && digits <= 12) {
                s.add(Kind.PHONE, m.start(), m.end());
            }
        }
        find(s, SPOKEN_PHONE, Kind.PHONE);
    }

    /** Certificate, employee, case and other ID numbers after a label (手帳番号, 社員番号 EMP-00123, 利用者ID U-2024-0031, 第12-3456号). */
    private static void idNumbers(Scan s) {
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

    private static boolean isAsciiAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
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

    private static void addresses(Scan s) {
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
    private static void atPlaceNumbers(Scan s, Pattern p, int longest, Consumer<Matcher> found) {
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
     * Finds the matches of a pattern that starts with one of a few words, trying it only where the text has one of their
     * first letters (a search would try the whole alternation at every position). The matches are those a search finds.
     */
    private static final class Finder {
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

    private static boolean isSuffixedNameChar(char c) {
        return c >= '一' && c <= '龥' || c == '々' || c >= 'ァ' && c <= 'ヶ' || c == 'ー' || c == '・' || c == '&' || c == '＆' || isAsciiAlnum(c);
    }

    private static boolean[] firstLetters(List<String> words) {
        boolean[] first = new boolean[Character.MAX_VALUE + 1];
        words.forEach(w -> first[w.charAt(0)] = true);
        return first;
    }

    private static boolean[] letters(String chars) {
        boolean[] first = new boolean[Character.MAX_VALUE + 1];
        chars.chars().forEach(c -> first[c] = true);
        return first;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isKanaKanji(char c) {
        return c >= '一' && c <= '龥' || c == '々' || c >= 'ぁ' && c <= 'ん' || c >= 'ァ' && c <= 'ヶ';
    }

    /**
     * The words before house numbers name a place: a 市/町/村/字/丁/条… with no particle after it, or (when
     * {@code knownPlace}) a place name Kuromoji knows right before the numbers, or 住所/自宅… shortly before.
     */
    private static boolean placeName(Scan s, int start, int end, boolean knownPlace) {
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

    private static void employers(Scan s) {
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
    private static boolean nameStartsHere(Scan s, int v) {
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
    private static int nameEnd(Scan s, int start, int limit) {
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
    private static boolean quotedNameLike(Scan s, int start, int end) {
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

    // ---------------------------------------------------------------------------------------------------------------- names

    private static void names(Scan s) {
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
        latin(s);
    }

    /** 外間氏, 仲村渠さん: a surname of two to four kanji that Kuromoji splits into pieces, standing alone before an honorific. */
    private static void splitSurnames(Scan s) {
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
    private static boolean afterRole(Scan s, int i) {
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
    private static void surnameSpaceGiven(Scan s) {
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
    private static void titles(Scan s) {
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

    private static int nameBefore(Scan s, int at) {
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
    private static int nameAfter(Scan s, int at) {
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
    private static void hiraganaHonorifics(Scan s) {
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
    private static int hiraganaName(Scan s, int at, boolean chanTo) {
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
    private static int stripParticle(String n, int i, int end) {
        if (end - i >= 3 && i > 0 && !isHiragana(n.charAt(i - 1)) && "のはがとにもをへでや".indexOf(n.charAt(i)) >= 0) {
            return i + 1;
        }
        return i;
    }

    private static boolean hiraganaNameLike(Scan s, int start, int end, boolean chanTo) {
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
    private static void kanaPairs(Scan s) {
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

    private static boolean katakanaPair(Scan s, Matcher m) {
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

    private static boolean hiraganaPair(Scan s, Matcher m) {
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

    private static boolean isPersonToken(Scan s, int start, int end) {
        Token t = s.tokenAt(start);
        return t != null && t.end() == end && t.pos().startsWith("名詞-固有名詞-人名");
    }

    /** Names in Latin letters: Taro Yamada, YAMAUCHI Ryo, K. Sato, Mr. Nguyen, Maria Santos さん, 担当：Shinjo. */
    private static void latin(Scan s) {
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

    private static void latinSequence(Scan s, List<int[]> seq) {
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

    private static boolean isHiragana(char c) {
        return c >= 'ぁ' && c <= 'ゖ';
    }

    private static boolean isKanji(char c) {
        return c >= '一' && c <= '龥' || c == '々';
    }

    private static boolean isKatakana(char c) {
        return c >= 'ァ' && c <= 'ヺ' || c == 'ー';
    }

    private static boolean isKana(char c) {
        return isHiragana(c) || isKatakana(c);
    }

    // ---------------------------------------------------------------------------------------------------------------- tokens

    /** A Kuromoji token; {@code known} when it comes from the dictionary (an unknown word has no reading). */
    private record Token(String term, String pos, int start, int end, boolean known, String form) {
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

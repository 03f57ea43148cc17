package jp.tsunagu.conference;

import jp.tsunagu.conference.IdentifierCheck.Kind;
import jp.tsunagu.conference.IdentifierText.Finder;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tsunagu.conference.IdentifierText.DASHES;
import static jp.tsunagu.conference.IdentifierText.LATIN_LETTER;
import static jp.tsunagu.conference.IdentifierText.letters;

/** E-mail addresses, social-media handles and messenger IDs, phone numbers: how people are reached. */
final class ContactRules {

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
    private static final Pattern ID_PUNCTUATION_OR_DIGIT = Pattern.compile("[0-9_.#:\\-]");

    // ---- phone numbers
    private static final String PHONE_SEP = "(?:\\s{0,2}[・.．" + DASHES + "]\\s{0,2}|\\s)";
    private static final Pattern PHONE = Pattern.compile("(?<![0-9+])(?:0\\d{1,4}(?:" + PHONE_SEP + "|[(（])?\\d{1,4}(?:" + PHONE_SEP
            + "|\\s?[)）]\\s?)?\\d{3,4}|[(（]\\s?0\\d{1,4}\\s?[)）]\\s?\\d{1,4}" + PHONE_SEP + "?\\d{3,4})(?![0-9])"
            + "|\\+\\s?81" + PHONE_SEP + "?(?:[(（]0[)）])?\\d{1,4}" + PHONE_SEP + "?\\d{1,4}" + PHONE_SEP + "?\\d{3,4}(?![0-9])");
    private static final String SPOKEN_DIGIT = "(?:ゼロ|レイ|マル|イチ|ニ|サン|ヨン|シ|ゴ|ロク|ナナ|シチ|ハチ|キュウ|キュー|ク)";
    private static final Pattern SPOKEN_PHONE = Pattern.compile("(?:ゼロ|レイ|マル)(?>[、,・\\s]?" + SPOKEN_DIGIT + "){9,}");

    private ContactRules() {
    }

    static void emails(IdentifierScan s) {
        for (Pattern p : List.of(EMAIL, EMAIL_SPOKEN)) {
            Matcher m = p.matcher(s.norm);
            while (m.find()) {
                if (TOP_LEVEL_DOMAIN.matcher(m.group()).find()) {
                    s.add(Kind.EMAIL, m.start(), m.end());
                }
            }
        }
    }

    static void handles(IdentifierScan s) {
        s.find(HANDLE_AT, Kind.HANDLE);
        s.find(HANDLE_TAG, Kind.HANDLE);
        s.find(PROFILE_URL, Kind.HANDLE);
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

    static void phones(IdentifierScan s) {
        Matcher m = PHONE.matcher(s.norm);
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            if (digits >= 10 && digits <= 12) {
                s.add(Kind.PHONE, m.start(), m.end());
            }
        }
        s.find(SPOKEN_PHONE, Kind.PHONE);
    }
}

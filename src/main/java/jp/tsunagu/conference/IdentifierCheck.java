package jp.tsunagu.conference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
 * <p>The rules are grouped by what they find, each group with the patterns and words it reads: {@link ContactRules}
 * (e-mail, handles, phones), {@link NumberRules} (My Number, postal codes, dates of birth, ID numbers),
 * {@link AddressRules}, {@link EmployerRules}, {@link NameRules} with {@link NameWords}, and {@link LatinNameRules};
 * {@link IdentifierScan} holds the text, its tokens and the findings, {@link IdentifierText} the character classes.
 */
public final class IdentifierCheck {

    /** What a finding is: HANDLE is an account on a social or messaging service, ID_NUMBER an ID other than a certificate's (社員番号, 利用者ID). */
    public enum Kind { PERSON_NAME, PHONE, POSTAL_CODE, ADDRESS, BIRTH_DATE, EMAIL, MY_NUMBER, CERTIFICATE_NUMBER, EMPLOYER, HANDLE, ID_NUMBER }

    public record Finding(Kind kind, int start, int end, String excerpt) {
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
        IdentifierScan s = new IdentifierScan(norm, text, out);
        ContactRules.emails(s);
        ContactRules.handles(s);
        NumberRules.myNumbers(s);
        ContactRules.phones(s);
        NumberRules.postalCodes(s);
        NumberRules.birthDates(s);
        NumberRules.idNumbers(s);
        AddressRules.addresses(s);
        EmployerRules.employers(s);
        for (String employer : employers) {
            if (employer.length() < 2) {
                continue;
            }
            String name = normalize(employer); // as the text is: ＡＢＣ商事 and ABC商事 are one name
            int at = norm.indexOf(name);
            while (at >= 0) {
                s.add(Kind.EMPLOYER, at, at + name.length());
                at = norm.indexOf(name, at + name.length());
            }
        }
        NameRules.names(s);
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
}

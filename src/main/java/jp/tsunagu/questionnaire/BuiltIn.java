package jp.tsunagu.questionnaire;

import jp.tsunagu.questionnaire.Definition.Label;
import jp.tsunagu.questionnaire.Definition.OptionDef;
import jp.tsunagu.questionnaire.Definition.QuestionDef;
import jp.tsunagu.questionnaire.Definition.ScaleDef;
import jp.tsunagu.questionnaire.Definition.SectionDef;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static jp.tsunagu.questionnaire.Definition.OptionDef.of;
import static jp.tsunagu.questionnaire.Definition.OptionDef.otherText;
import static jp.tsunagu.questionnaire.QuestionKind.MULTI;
import static jp.tsunagu.questionnaire.QuestionKind.SINGLE;

/**
 * The built-in definitions of the builder: the questionnaire after an exchange meeting and the
 * FY2023 attitude survey of local employment-support offices. A new survey may start from either.
 */
public enum BuiltIn {

    /** The questions the networks ask after an exchange meeting (notes-001 §3.8 step 5). */
    AFTER_MEETING("after-meeting", Definition.simple("会議後アンケート", "After-meeting questionnaire", List.of(
            QuestionDef.choice("continue", SINGLE, "この会を今後も続けたいですか", "Should this meeting continue?", true, List.of(
                    of("yes", "続けたい", "Yes"), of("maybe", "どちらともいえない", "Not sure"),
                    of("no", "続けなくてよい", "No"))),
            QuestionDef.choice("frequency", SINGLE, "開催頻度はどのくらいがよいですか", "How often?", false, List.of(
                    of("monthly", "毎月", "Monthly"), of("bimonthly", "2か月に1回", "Every two months"),
                    of("quarterly", "3か月に1回（年4回）", "Quarterly (4 a year)"),
                    of("half-yearly", "半年に1回", "Twice a year"), of("yearly", "年1回", "Once a year"))),
            QuestionDef.choice("weekday", MULTI, "参加しやすい曜日（複数選択可）", "Which weekdays suit you? (any)", false, List.of(
                    of("mon", "月曜", "Monday"), of("tue", "火曜", "Tuesday"),
                    of("wed", "水曜", "Wednesday"), of("thu", "木曜", "Thursday"),
                    of("fri", "金曜", "Friday"))),
            QuestionDef.choice("time", SINGLE, "参加しやすい時間帯", "Which time of day?", false, List.of(
                    of("morning", "午前", "Morning"), of("early-afternoon", "13時〜15時", "13:00–15:00"),
                    of("late-afternoon", "15時〜17時", "15:00–17:00"), of("evening", "17時以降", "After 17:00"))),
            QuestionDef.choice("length", SINGLE, "ちょうどよい長さ", "How long?", false, List.of(
                    of("60", "60分", "60 minutes"), of("90", "90分", "90 minutes"),
                    of("120", "120分", "120 minutes"), of("180", "半日", "Half a day"))),
            QuestionDef.text("next", "次回取り上げてほしい内容", "What should the next meeting cover?", false)))),

    /**
     * 就労支援機関意識調査 (FY2023, seed 001 L3745–3817): the questions as the report names them;
     * where it gives only a heading, the wording and options are ours.
     */
    ATTITUDE_FY2023("attitude-fy2023", attitude()),

    /** The questionnaire after a report seminar (FY2023 seminar, seed 001 L3199–3643): satisfaction and two free texts. */
    AFTER_SEMINAR("after-seminar", Definition.simple("セミナー後アンケート", "After-seminar questionnaire", List.of(
            QuestionDef.choice("satisfaction", SINGLE, "セミナー全体の満足度", "Overall satisfaction with the seminar", true, List.of(
                    of("very-good", "とてもよかった", "Very good"), of("good", "よかった", "Good"),
                    of("fair", "ふつう", "Fair"), of("poor", "あまりよくなかった", "Not so good"))),
            QuestionDef.text("reason", "満足度の理由", "Why", false),
            QuestionDef.text("impressive", "特に印象に残った取組", "What impressed you most", false),
            QuestionDef.text("hub-role", "ナカポツの基幹型機能についての所感", "Your thoughts on the centers' hub role", false))));

    private final String code;
    private final Definition definition;

    BuiltIn(String code, Definition definition) {
        this.code = code;
        this.definition = definition;
    }

    public String code() {
        return code;
    }

    public Definition definition() {
        return definition;
    }

    public static Optional<BuiltIn> parse(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }

    private static Definition attitude() {
        List<OptionDef> usefulness = List.of(
                of("useful", "役に立った", "Useful"),
                of("somewhat", "ある程度役に立った", "Somewhat useful"),
                of("not-useful", "あまり役に立たなかった", "Not very useful"),
                of("want", "受けたことはないが、今後は受けてみたい", "Not received yet, but would like to"),
                of("not-needed", "受けたことはなく、今後も必要ない", "Not received and not needed"));
        ScaleDef rating = new ScaleDef(1, 4, new Definition.EndLabel("不足している", "Lacking"), new Definition.EndLabel("十分に取り組んでいる", "Fully done"));
        QuestionDef[] areas = {
                scale("self-work", "本人の就業面に対する支援", "Support with the person's work"),
                scale("self-life", "現在の生活面（体調や生活習慣の管理等）に対する支援", "Support with daily life (health, habits)"),
                scale("self-employer", "企業・職場に対する支援", "Support for employers and workplaces"),
                scale("self-lifecycle", "将来のライフサイクルの変化への備えや対応に関する支援", "Preparing for life-cycle changes"),
                scale("self-family", "家族に対する支援", "Support for families")};
        for (int i = 0; i < areas.length; i++) {
            QuestionDef a = areas[i];
            areas[i] = new QuestionDef(a.code(), a.kind(), a.label(), null, false, null, null, null, rating, null);
        }
        return new Definition(new Label("就労支援機関意識調査（令和5年度）", "Attitude survey of employment-support offices (FY2023)"),
                new Definition.LongLabel(
                        "障害者の職場定着支援の取組と、障害者就業・生活支援センター（ナカポツ）の基幹型機能・役割について、圏域の就労支援機関の皆さまのお考えをお聞かせください。回答は事業所ごとに1件です。締切までは何度でも直せます。",
                        "How your office supports people in keeping their jobs, and what you think of the hub role of the employment and life support centers (Nakapotsu). One answer per office; you can change it until the deadline."),
                List.of(new SectionDef(new Label("1. 定着支援の取組状況について", "1. Retention support today"), List.of(
                                QuestionDef.choice("services", MULTI, "貴事業所で実施しているサービス（複数回答）",
                                        "Services your office provides (all that apply)", true, List.of(
                                                of("transition", "就労移行支援", "Transition support"),
                                                of("retention", "就労定着支援", "Retention support"),
                                                of("type-a", "就労継続支援A型", "Continuous support type A"),
                                                of("type-b", "就労継続支援B型", "Continuous support type B"),
                                                otherText("other", "その他（自由記述）", "Other (please describe)"))),
                                QuestionDef.choice("placement-record", SINGLE, "過去3年間の就労支援の実績の有無",
                                        "Placements in the past three years", true, List.of(
                                                of("yes", "実績あり", "Yes"), of("no", "実績なし", "None"))),
                                new QuestionDef("placements", QuestionKind.NUMBER_TABLE,
                                        new Label("年度別・サービス別の就職者数", "Placements by year and service"),
                                        new Label("該当のない欄は空欄のままで構いません。", "Leave cells that do not apply empty."), false, null,
                                        List.of(of("fy2020", "令和2年度", "FY2020"), of("fy2021", "令和3年度", "FY2021"),
                                                of("fy2022", "令和4年度", "FY2022")),
                                        List.of(of("transition", "就労移行支援", "Transition"), of("type-a", "就労継続支援A型", "Type A"),
                                                of("type-b", "就労継続支援B型", "Type B")), null,
                                        new Definition.ShownIf("placement-record", List.of("yes"))))),
                        new SectionDef(new Label("2. 取り組んでいる支援についての自己評価", "2. How you rate the support you give"),
                                List.of(areas)),
                        new SectionDef(new Label("3. 定着支援の期間と連携", "3. How long you support, and with whom"), List.of(
                                QuestionDef.choice("retention-period", SINGLE, "事業所として定着支援に取り組む期間",
                                        "How long your office supports retention", false, List.of(
                                                of("within", "事業として定められた期間に限って支援を実施", "Only within the period the service sets"),
                                                of("beyond", "定められた期間に関わりなく、個別に無償で対応", "Beyond it, individually and free of charge"),
                                                of("with-region", "地域の社会資源と連携して支援を実施", "Together with the region's resources"),
                                                otherText("other", "その他（自由記述）", "Other (please describe)"))),
                                QuestionDef.choice("partners", MULTI, "定着支援をするにあたって連携している機関（複数回答）",
                                        "Agencies you work with on retention (all that apply)", false, List.of(
                                                of("welfare", "相談支援事業所等の障害福祉サービス事業所", "Consultation and other welfare services"),
                                                of("nakapotsu", "障害者就業・生活支援センター（ナカポツ）", "Employment and life support center (Nakapotsu)"),
                                                of("vocational", "地域障害者職業センター", "Regional vocational center"),
                                                of("hello-work", "ハローワーク", "Hello Work"),
                                                of("medical", "医療機関", "Medical institutions"),
                                                otherText("other", "その他（自由記述）", "Other (please describe)"))))),
                        new SectionDef(new Label("4. ナカポツの基幹型機能・役割について", "4. The Nakapotsu centers' hub role"), List.of(
                                QuestionDef.choice("useful-supervise", SINGLE, "就労定着支援事業所等に対するスーパーバイズ",
                                        "Supervision of retention-support offices", false, usefulness),
                                QuestionDef.choice("useful-difficult", SINGLE, "困難事例に対する個別支援",
                                        "Individual support in difficult cases", false, usefulness),
                                QuestionDef.choice("useful-regional", SINGLE, "地域の就労支援機関との連携",
                                        "Working with the region's employment-support agencies", false, usefulness),
                                QuestionDef.text("expectations", "ナカポツへの期待やご意見（自由記述）",
                                        "What you expect of the Nakapotsu centers (free text)", false)))));
    }

    private static QuestionDef scale(String code, String ja, String en) {
        return new QuestionDef(code, QuestionKind.SCALE, new Label(ja, en), null, false, null, null, null, null, null);
    }
}

package jp.tsunagu.survey;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.questionnaire.Definition;
import jp.tsunagu.questionnaire.Definition.Label;
import jp.tsunagu.questionnaire.Definition.OptionDef;
import jp.tsunagu.questionnaire.Definition.QuestionDef;
import jp.tsunagu.questionnaire.Definition.SectionDef;
import jp.tsunagu.questionnaire.QuestionKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The builder page's edits of a definition, one use case each: add a section, add a question (its
 * options, rows and columns one per line; a line starting with {@code *} is "other (free text)"),
 * move a question up or down, delete it. Pure: the page's service stores the result through the
 * same check as the API ({@link SurveyWrites#update}).
 */
public final class SurveyBuilder {

    private SurveyBuilder() {
    }

    /** The form of "add a question" as a question, appended to the section chosen (by its number, from 1). */
    static Definition addQuestion(Definition def, MultivaluedMap<String, String> form, Params p) {
        String rawKind = form.getFirst("kind");
        QuestionKind kind = rawKind == null || rawKind.isBlank() ? null : p.choice("kind", rawKind, v -> java.util.Arrays.stream(QuestionKind.values())
                .filter(k -> k.name().equals(v)).findFirst());
        if (rawKind == null || rawKind.isBlank()) {
            p.error("kind", "required");
        }
        String labelJa = p.required("labelJa", form.getFirst("labelJa"), 300);
        String labelEn = blankToNull(p.text("labelEn", form.getFirst("labelEn"), 300));
        String hintJa = blankToNull(p.text("hintJa", form.getFirst("hintJa"), 500));
        String sectionRaw = form.getFirst("section");
        boolean newSection = sectionRaw == null || sectionRaw.isBlank() || "new".equals(sectionRaw) || sections(def).isEmpty();
        Integer section = newSection ? Integer.valueOf(0) : p.integer("section", sectionRaw, 1, Math.max(1, sections(def).size()));
        String sectionJa = newSection ? p.required("sectionJa", form.getFirst("sectionJa"), 300) : null;
        String sectionEn = newSection ? blankToNull(p.text("sectionEn", form.getFirst("sectionEn"), 300)) : null;
        boolean required = form.getFirst("required") != null;
        List<OptionDef> options = null;
        List<OptionDef> rows = null;
        List<OptionDef> columns = null;
        Definition.ScaleDef scale = null;
        if (kind != null && kind.choice()) {
            options = lines(form.getFirst("options"), "o", true);
        } else if (kind == QuestionKind.NUMBER_TABLE) {
            rows = lines(form.getFirst("rows"), "r", false);
            columns = lines(form.getFirst("columns"), "c", false);
        } else if (kind == QuestionKind.SCALE) {
            String rawMax = form.getFirst("scaleMax");
            Integer max = rawMax == null || rawMax.isBlank() ? null : p.integer("scaleMax", rawMax, 2, 10);
            String low = blankToNull(p.text("scaleLow", form.getFirst("scaleLow"), 100));
            String high = blankToNull(p.text("scaleHigh", form.getFirst("scaleHigh"), 100));
            scale = new Definition.ScaleDef(1, max == null ? 5 : max, low == null ? null : new Definition.EndLabel(low, null),
                    high == null ? null : new Definition.EndLabel(high, null));
        }
        Definition.ShownIf shownIf = null;
        String on = form.getFirst("shownIfQuestion");
        if (on != null && !on.isBlank()) {
            // each option is offered as "question:option"; only the chosen question's count
            List<String> when = form.getOrDefault("shownIfOptions", List.of()).stream().filter(v -> v != null && v.startsWith(on + ":"))
                    .map(v -> v.substring(on.length() + 1)).filter(v -> !v.isBlank()).toList();
            if (when.isEmpty()) {
                p.error("shownIfOptions", "required");
            } else {
                shownIf = new Definition.ShownIf(on, when);
            }
        }
        if (kind == null || labelJa == null || section == null || (newSection && sectionJa == null)) {
            return def;
        }
        QuestionDef q = new QuestionDef(nextCode(def), kind, new Label(labelJa, labelEn),
                hintJa == null ? null : new Label(hintJa, null), required, options, rows, columns, scale, shownIf);
        List<SectionDef> sections = new ArrayList<>(sections(def));
        if (newSection) {
            sections.add(new SectionDef(new Label(sectionJa, sectionEn), List.of(q)));
        } else {
            SectionDef s = sections.get(section - 1);
            List<QuestionDef> qs = new ArrayList<>(s.questions());
            qs.add(q);
            sections.set(section - 1, new SectionDef(s.title(), qs));
        }
        return new Definition(def.title(), def.intro(), sections);
    }

    /** Moves a question one place up or down within its section (over a section's edge into the next one). */
    /** 404 for a question the definition does not hold (an edit that would change nothing). */
    static void requireQuestion(Definition def, String code) {
        if (def.questions().stream().noneMatch(q -> q.code().equals(code))) {
            throw jp.tsunagu.platform.web.ProblemException.notFound();
        }
    }

    static Definition move(Definition def, String code, boolean up) {
        List<QuestionDef> flat = new ArrayList<>();
        List<Integer> sectionOf = new ArrayList<>();
        List<SectionDef> sections = sections(def);
        for (int s = 0; s < sections.size(); s++) {
            for (QuestionDef q : sections.get(s).questions()) {
                flat.add(q);
                sectionOf.add(s);
            }
        }
        int i = indexOf(flat, code);
        int j = up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= flat.size()) {
            return def;
        }
        if (!sectionOf.get(i).equals(sectionOf.get(j))) {
            // across a section's edge: the question changes section, keeping its neighbour's order
            sectionOf.set(i, sectionOf.get(j));
        } else {
            QuestionDef x = flat.get(i);
            flat.set(i, flat.get(j));
            flat.set(j, x);
        }
        List<SectionDef> out = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            List<QuestionDef> qs = new ArrayList<>();
            for (int k = 0; k < flat.size(); k++) {
                if (sectionOf.get(k) == s) {
                    qs.add(flat.get(k));
                }
            }
            out.add(new SectionDef(sections.get(s).title(), qs));
        }
        return new Definition(def.title(), def.intro(), out);
    }

    static Definition delete(Definition def, String code) {
        List<SectionDef> out = new ArrayList<>();
        for (SectionDef s : sections(def)) {
            out.add(new SectionDef(s.title(), s.questions().stream().filter(q -> !q.code().equals(code)).toList()));
        }
        return new Definition(def.title(), def.intro(), out);
    }

    /** Sections without questions are left out when storing (a definition's sections each hold at least one). */
    static Definition forStoring(Definition def) {
        return new Definition(def.title(), def.intro(), sections(def).stream().filter(s -> !s.questions().isEmpty()).toList());
    }

    private static List<SectionDef> sections(Definition def) {
        return def.sections() == null ? List.of() : def.sections();
    }

    private static int indexOf(List<QuestionDef> qs, String code) {
        for (int i = 0; i < qs.size(); i++) {
            if (qs.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    static String nextCode(Definition def) {
        Set<String> taken = new HashSet<>();
        def.questions().forEach(q -> taken.add(q.code()));
        int n = taken.size() + 1;
        while (taken.contains("q" + n)) {
            n++;
        }
        return "q" + n;
    }

    /** One option per line (empty lines skipped); {@code *} first marks "other (free text)" where allowed. */
    static List<OptionDef> lines(String text, String prefix, boolean otherAllowed) {
        List<OptionDef> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            boolean other = otherAllowed && t.startsWith("*");
            String label = other ? t.substring(1).strip() : t;
            out.add(new OptionDef(prefix + (out.size() + 1), new Label(label.isEmpty() ? t : label, null), other));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

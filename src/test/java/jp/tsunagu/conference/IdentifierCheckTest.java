package jp.tsunagu.conference;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identifier check against labelled Japanese examples (conference/identifier-examples.tsv):
 * sentences it must catch, with the kind it must name, and ordinary case-conference sentences it
 * must let through. Prints the catch rate and the false-alarm rate. A second, independently written
 * set (conference/identifier-holdout.tsv, by family of identifier and of ordinary text) is checked the
 * same way, any finding counting as caught.
 */
class IdentifierCheckTest {

    static final IdentifierCheck CHECK = new IdentifierCheck(Set.of("医療法人おけがわ会", "みなみ食品マート"));

    record Example(String label, String text) {
    }

    static List<Example> examples() throws Exception {
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                IdentifierCheckTest.class.getResourceAsStream("/conference/identifier-examples.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                out.add(new Example(parts[0], parts[1]));
            }
        }
        return out;
    }

    @Test
    void catchesIdentifiersAndLetsOrdinarySentencesThrough() throws Exception {
        List<Example> all = examples();
        int toCatch = 0;
        int caught = 0;
        int toPass = 0;
        int alarms = 0;
        List<String> misses = new ArrayList<>();
        for (Example e : all) {
            List<IdentifierCheck.Finding> found = CHECK.check(e.text());
            if (e.label().startsWith("CATCH:")) {
                toCatch++;
                IdentifierCheck.Kind kind = IdentifierCheck.Kind.valueOf(e.label().substring(6));
                if (found.stream().anyMatch(f -> f.kind() == kind)) {
                    caught++;
                } else {
                    misses.add("missed " + kind + ": " + e.text() + " → " + found);
                }
            } else {
                toPass++;
                if (!found.isEmpty()) {
                    alarms++;
                    misses.add("false alarm: " + e.text() + " → " + found);
                }
            }
        }
        double catchRate = (double) caught / toCatch;
        double alarmRate = (double) alarms / toPass;
        System.out.printf("Identifier check: %d examples; caught %d of %d (%.1f%%); false alarms %d of %d (%.1f%%)%n",
                all.size(), caught, toCatch, 100 * catchRate, alarms, toPass, 100 * alarmRate);
        misses.forEach(m -> System.out.println("  " + m));
        assertTrue(all.size() >= 200, "at least 200 labelled examples");
        assertTrue(catchRate >= 0.95, "catch rate " + catchRate + "\n" + String.join("\n", misses));
        assertTrue(alarmRate <= 0.02, "false-alarm rate " + alarmRate + "\n" + String.join("\n", misses));
    }

    record HoldoutExample(String label, String family, String text) {
    }

    static List<HoldoutExample> holdout() throws Exception {
        List<HoldoutExample> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                IdentifierCheckTest.class.getResourceAsStream("/conference/identifier-holdout.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                out.add(new HoldoutExample(parts[0], parts[1], parts[2]));
            }
        }
        return out;
    }

    @Test
    void catchesTheHoldoutSetByFamily() throws Exception {
        List<HoldoutExample> all = holdout();
        Map<String, int[]> byFamily = new LinkedHashMap<>(); // family → {flagged, total}
        int toCatch = 0;
        int caught = 0;
        int toPass = 0;
        int alarms = 0;
        List<String> misses = new ArrayList<>();
        for (HoldoutExample e : all) {
            List<IdentifierCheck.Finding> found = CHECK.check(e.text());
            for (int i = 0; i < found.size(); i++) {
                IdentifierCheck.Finding f = found.get(i);
                assertEquals(e.text().substring(f.start(), f.end()), f.excerpt(), e.text());
                assertTrue(i == 0 || found.get(i - 1).end() <= f.start(), "findings overlap: " + found);
            }
            int[] family = byFamily.computeIfAbsent(e.label() + " " + e.family(), k -> new int[2]);
            family[1]++;
            if (e.label().equals("CATCH")) {
                toCatch++;
                if (!found.isEmpty()) {
                    caught++;
                    family[0]++;
                } else {
                    misses.add("missed " + e.family() + ": " + e.text());
                }
            } else {
                toPass++;
                if (!found.isEmpty()) {
                    alarms++;
                    family[0]++;
                    misses.add("false alarm " + e.family() + ": " + e.text() + " → " + found);
                }
            }
        }
        double catchRate = (double) caught / toCatch;
        double alarmRate = (double) alarms / toPass;
        System.out.printf("Identifier check, holdout: %d sentences; caught %d of %d (%.1f%%); false alarms %d of %d (%.1f%%)%n",
                all.size(), caught, toCatch, 100 * catchRate, alarms, toPass, 100 * alarmRate);
        byFamily.forEach((family, n) -> System.out.printf("  %-24s %s %3d of %3d (%.1f%%)%n", family,
                family.startsWith("CATCH") ? "caught" : "alarms", n[0], n[1], 100.0 * n[0] / n[1]));
        misses.forEach(m -> System.out.println("  " + m));
        assertTrue(all.size() >= 600, "at least 600 labelled sentences");
        assertTrue(catchRate >= 0.95, "catch rate " + catchRate + "\n" + String.join("\n", misses));
        assertTrue(alarmRate <= 0.02, "false-alarm rate " + alarmRate + "\n" + String.join("\n", misses));
    }

    @Test
    void checksALongCaseSheetQuickly() throws Exception {
        // a case sheet is checked on every save: 20,000 characters of ordinary and identifying text, and of
        // long runs that would make a backtracking pattern blow up, must each come back well within a second or so
        StringBuilder sheet = new StringBuilder();
        for (HoldoutExample e : holdout()) {
            sheet.append(e.text()).append('\n');
        }
        while (sheet.length() < 20_000) {
            sheet.append(sheet.toString());
        }
        List<String> texts = List.of(sheet.substring(0, 20_000), "a".repeat(20_000), "1-".repeat(10_000), "あ".repeat(20_000),
                "株".repeat(20_000), "ア ".repeat(10_000), "Ab ".repeat(6_667), "@a.".repeat(6_667), "0 ".repeat(10_000),
                "あさん".repeat(6_667), "田中さん、".repeat(4_000));
        CHECK.check(texts.get(0));
        for (String text : texts) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CHECK.check(text), text.substring(0, 10));
        }
    }

    @Test
    void spansPointIntoTheTextAsWritten() {
        String text = "連絡先は０９０－１２３４－５６７８、担当は田中さん。";
        List<IdentifierCheck.Finding> found = CHECK.check(text);
        assertEquals(2, found.size(), found.toString());
        assertEquals("０９０－１２３４－５６７８", found.get(0).excerpt());
        assertEquals(IdentifierCheck.Kind.PHONE, found.get(0).kind());
        assertEquals(IdentifierCheck.Kind.PERSON_NAME, found.get(1).kind());
        assertEquals("田中さん", text.substring(found.get(1).start(), found.get(1).end()));
        assertTrue(CHECK.check("A氏は40代男性。").isEmpty());
        assertTrue(CHECK.check(null).isEmpty());
    }
}

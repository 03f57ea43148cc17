package jp.tsunagu.conference;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identifier check against labelled Japanese examples (conference/identifier-examples.tsv):
 * sentences it must catch, with the kind it must name, and ordinary case-conference sentences it
 * must let through. Prints the catch rate and the false-alarm rate.
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
        assertTrue(alarmRate <= 0.05, "false-alarm rate " + alarmRate + "\n" + String.join("\n", misses));
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

package jp.tsunagu.platform.validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bean Validation findings named as the rest of the code names field errors: full paths, the same keys. */
class ViolationsTest {

    enum Colour { RED, GREEN }

    record Slot(@NotNull java.time.LocalDateTime startsAt, @Max(600) Integer minutes) {
    }

    record Poll(@NotBlank @Size(max = 5) String title, @Size(min = 2, max = 4) String code,
                @OneOf(Colour.class) String colour, @Valid List<Slot> slots, List<@OneOf(Colour.class) String> tags) {
    }

    static Map<String, String> errors(Poll poll) {
        Params p = new Params();
        Violations.check(Violations.standalone(), poll, p);
        return TestSupport.fieldErrors(p);
    }

    @Test
    void aNestedFieldIsNamedByItsFullPath() {
        Map<String, String> e = errors(new Poll("t", null, null,
                List.of(new Slot(java.time.LocalDateTime.now(), 30), new Slot(null, 601)), List.of("RED", "BLUE")));
        assertEquals("required", e.get("slots[1].startsAt"));
        assertEquals("range", e.get("slots[1].minutes"));
        assertEquals("unknown-value", e.get("tags[1]"));
        assertEquals(3, e.size(), e.toString());
    }

    @Test
    void findingsComeInAStableOrderEachOnce() {
        Params p = new Params();
        Violations.check(Violations.standalone(), new Poll(" ", "x", "BLUE", List.of(new Slot(null, 601)), null), p);
        List<String> fields = new java.util.ArrayList<>();
        try {
            p.check();
        } catch (jp.tsunagu.platform.web.ProblemException e) {
            e.fieldErrors().forEach(f -> fields.add(f.field()));
        }
        assertEquals(List.of("code", "colour", "slots[0].minutes", "slots[0].startsAt", "title"), fields);
    }

    @Test
    void aMissingInputIsTheBody() {
        assertEquals(Map.of("body", "required"), errors(null));
    }

    @Test
    void keysAreTheOnesTheHandWrittenChecksUse() {
        Map<String, String> e = errors(new Poll(" ", "x", "BLUE", List.of(), List.of()));
        assertEquals("required", e.get("title"));
        assertEquals("size", e.get("code"), "a lower bound names both bounds");
        assertEquals("unknown-value", e.get("colour"));
        assertEquals("too-long", errors(new Poll("toolong", null, null, null, null)).get("title"));
        assertEquals(Map.of(), errors(new Poll("ok", "abc", "GREEN", null, null)));
        // a code is what is stored: a padded one is not the code
        assertEquals("unknown-value", errors(new Poll("ok", null, " GREEN", null, null)).get("colour"));
    }
}

package jp.tsunagu.posting;

import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.Violations;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The posting rules alone, without a server: every field's check and the hourly wage behind the minimum-wage warning. */
class PostingValidationTest {

    /** A valid job posting; {@code changes} replace components by name (a null value clears one). */
    static PostingInput input(Map<String, Object> changes) throws Exception {
        Map<String, Object> v = new HashMap<>();
        v.put("kind", "JOB");
        v.put("title", "清掃スタッフ");
        v.put("companyName", "株式会社 試験");
        v.put("prefectureCode", 47);
        v.put("jobCategory", "CLEANING");
        v.put("employmentType", "PART_TIME");
        v.put("hoursPerDay", new BigDecimal("4"));
        v.put("hoursPerWeek", new BigDecimal("20"));
        v.put("daysPerWeek", 5);
        v.put("wageType", "HOURLY");
        v.put("wageYen", 1000);
        v.put("source", "COMPANY");
        v.put("visibility", "CIRCLES");
        v.put("circleIds", List.of(1L));
        v.putAll(changes);
        RecordComponent[] parts = PostingInput.class.getRecordComponents();
        Object[] args = Arrays.stream(parts).map(c -> v.get(c.getName())).toArray();
        Constructor<PostingInput> ctor = PostingInput.class.getDeclaredConstructor(
                Arrays.stream(parts).map(RecordComponent::getType).toArray(Class[]::new));
        return ctor.newInstance(args);
    }

    static Map<String, String> errors(Map<String, Object> changes) throws Exception {
        Params p = new Params();
        PostingChecks.validate(Violations.standalone(), input(changes), p);
        return TestSupport.fieldErrors(p);
    }

    static Map<String, Object> change(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aCompletePostingPasses() throws Exception {
        assertEquals(Map.of(), errors(Map.of()));
    }

    @Test
    void eachFieldIsCheckedByName() throws Exception {
        assertEquals("required", errors(change("title", null)).get("title"));
        assertEquals("required", errors(change("companyName", " ")).get("companyName"));
        assertEquals("range", errors(change("prefectureCode", 48)).get("prefectureCode"));
        assertEquals("required", errors(change("prefectureCode", null)).get("prefectureCode"));
        assertEquals("unknown-value", errors(change("jobCategory", "PILOT")).get("jobCategory"));
        assertEquals("range", errors(change("hoursPerDay", new BigDecimal("12.5"))).get("hoursPerDay"));
        assertEquals("range", errors(change("hoursPerDay", new BigDecimal("4.25"))).get("hoursPerDay"));
        assertEquals("less-than-day", errors(change("hoursPerDay", new BigDecimal("8"), "hoursPerWeek", new BigDecimal("6")))
                .get("hoursPerWeek"));
        assertEquals("range", errors(change("daysPerWeek", 8)).get("daysPerWeek"));
        assertEquals("required", errors(change("wageYen", null)).get("wageYen"));
        assertEquals("range", errors(change("wageYen", 10_001)).get("wageYen"));
        assertEquals(null, errors(change("wageType", "MONTHLY", "wageYen", 180_000)).get("wageYen"));
        assertEquals("range", errors(change("wageType", "MONTHLY", "wageYen", 999)).get("wageYen"));
        assertEquals("unknown-value", errors(change("disabilityExperience", List.of("MENTAL", "NOPE"))).get("disabilityExperience"));
        assertEquals("required", errors(change("circleIds", List.of())).get("circleIds"));
        assertEquals("do-not-forward-network", errors(change("visibility", "NETWORK", "doNotForward", true)).get("visibility"));
        assertEquals("past", errors(change("expiresOn", JapaneseCalendar.today().minusDays(1))).get("expiresOn"));
    }

    @Test
    void helloWorkNumbersBelongToHelloWorkPostingsInTheirOwnFormat() throws Exception {
        assertEquals("required", errors(change("source", "HELLO_WORK")).get("helloWorkNumber"));
        assertEquals("format", errors(change("source", "HELLO_WORK", "helloWorkNumber", "4701012345678")).get("helloWorkNumber"));
        assertEquals(null, errors(change("source", "HELLO_WORK", "helloWorkNumber", "47010-12345678")).get("helloWorkNumber"));
        // full-width digits are read as the same number
        assertEquals(null, errors(change("source", "HELLO_WORK", "helloWorkNumber", "４７０１０－１２３４５６７８")).get("helloWorkNumber"));
        assertEquals("only-hello-work", errors(change("helloWorkNumber", "47010-12345678")).get("helloWorkNumber"));
    }

    @Test
    void anInternshipNeedsPlacesAndAStartAndEndsAfterItStarts() throws Exception {
        Map<String, String> e = errors(change("kind", "INTERNSHIP"));
        assertEquals("required", e.get("places"));
        assertEquals("required", e.get("startOn"));
        var start = JapaneseCalendar.today().plusDays(10);
        assertEquals("before-start", errors(change("kind", "INTERNSHIP", "places", 2, "startOn", start,
                "endsOn", start.minusDays(1))).get("endsOn"));
        assertEquals(Map.of(), errors(change("kind", "INTERNSHIP", "places", 2, "startOn", start, "endsOn", start.plusDays(4))));
    }

    @ParameterizedTest(name = "{0} {1} yen at {2} h/week → {3} yen an hour")
    @CsvSource({
            "HOURLY, 1023, 20, 1023",
            "HOURLY, 1023, , 1023",
            // 160,000 yen a month at 40 h a week: 40 × 52 / 12 = 173.33 h → 923 yen (rounded down)
            "MONTHLY, 160000, 40, 923",
            "MONTHLY, 100000, 20, 1153",
            "MONTHLY, 100000, , ",
            "MONTHLY, 100000, 0, ",
    })
    void hourlyEquivalent(String type, Integer yen, BigDecimal hours, Integer expected) {
        assertEquals(expected, PostingChecks.hourly(type == null ? null : PostingTerms.WageType.valueOf(type), yen, hours));
    }

    @Test
    void noWageNoHourlyFigure() {
        assertNull(PostingChecks.hourly(null, 1000, BigDecimal.TEN));
        assertNull(PostingChecks.hourly(PostingTerms.WageType.HOURLY, null, BigDecimal.TEN));
        assertTrue(PostingChecks.hourly(PostingTerms.WageType.MONTHLY, 200_000, new BigDecimal("37.5")) > 1000);
    }
}

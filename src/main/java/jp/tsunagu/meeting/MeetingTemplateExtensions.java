package jp.tsunagu.meeting;

import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.access.OrgType;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The meeting vocabularies for forms: {mtg:kinds()}, {mtg:formats()}, {mtg:agendaTypes()}, {mtg:pollChoices()}. */
@TemplateExtension(namespace = "mtg")
public class MeetingTemplateExtensions {

    private MeetingTemplateExtensions() {
    }

    /** Whether a typed form value names this number (a select's option kept after an error). */
    static boolean chosen(String typed, Object value) {
        return typed != null && value != null && typed.equals(String.valueOf(value));
    }

    /** The first venue's name (the edit form shows one venue). */
    static String firstVenueName(List<MeetingViews.Venue> venues) {
        return venues == null || venues.isEmpty() ? null : venues.get(0).name();
    }

    static String firstVenueAddress(List<MeetingViews.Venue> venues) {
        return venues == null || venues.isEmpty() ? null : venues.get(0).address();
    }

    static List<String> kinds() {
        return names(MeetingTerms.Kind.values());
    }

    static List<String> formats() {
        return names(MeetingTerms.Format.values());
    }

    static List<String> agendaTypes() {
        return names(MeetingTerms.AgendaType.values());
    }

    static List<String> pollChoices() {
        return names(MeetingTerms.PollChoice.values());
    }

    /** Organization types one can invite by. */
    static List<String> orgTypes() {
        return names(OrgType.values());
    }

    /** The blank rows an editor offers after the filled ones. */
    static List<Integer> blankRows(int filled, int extra) {
        return IntStream.range(filled, filled + extra).boxed().toList();
    }

    /** An instant as the Tokyo date for a date input (yyyy-MM-dd), or empty. */
    static String inputDate(Instant t) {
        return t == null ? "" : MeetingTimes.local(t).toLocalDate().toString();
    }

    /** An instant as the Tokyo time for a time input (HH:mm), or empty. */
    static String inputTime(Instant t) {
        return t == null ? "" : MeetingTimes.local(t).toLocalTime().withSecond(0).withNano(0).toString();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

package jp.tsunagu.meeting;

import jp.tsunagu.platform.time.JapaneseCalendar;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

/** iCalendar (RFC 5545) files for meetings, written with ical4j; times carry TZID=Asia/Tokyo. */
final class CalendarFiles {

    /** What one event needs; {@code link} is the absolute URL people open. */
    record Event(long meetingId, int sequence, String title, ZonedDateTime start, ZonedDateTime end,
                 List<String> venues, String onlineUrl, String link, boolean cancelled) {
    }

    private CalendarFiles() {
    }

    /** A single-event file for a mail attachment (METHOD:REQUEST, or CANCEL for a cancelled meeting). */
    static byte[] invitation(Event e) {
        Calendar c = base().withProperty(e.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
                .withComponent(event(e)).getFluentTarget();
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A subscribable feed of many events. */
    static String feed(String name, List<Event> events) {
        var fluent = base().withProperty(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        for (Event e : events) {
            fluent = fluent.withComponent(event(e));
        }
        return fluent.getFluentTarget().toString();
    }

    private static net.fortuna.ical4j.model.FluentCalendar base() {
        return new Calendar().withProdId("-//Tsunagu//Meetings//JA").withDefaults();
    }

    private static VEvent event(Event e) {
        VEvent v = new VEvent(e.start().withZoneSameInstant(JapaneseCalendar.TOKYO),
                e.end().withZoneSameInstant(JapaneseCalendar.TOKYO), e.title());
        v.add(new Uid("meeting-" + e.meetingId() + "@tsunagu"));
        v.add(new Sequence(e.sequence()));
        String where = e.venues().isEmpty() ? e.onlineUrl()
                : e.venues().stream().collect(Collectors.joining(" / ")) + (e.onlineUrl() == null ? "" : " / " + e.onlineUrl());
        if (where != null && !where.isBlank()) {
            v.add(new Location(where));
        }
        v.add(new Description(e.link()));
        v.add(new Url(URI.create(e.link())));
        v.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return v;
    }
}

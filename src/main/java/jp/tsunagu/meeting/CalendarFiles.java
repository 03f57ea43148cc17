package jp.tsunagu.meeting;

import jp.tsunagu.platform.time.JapaneseCalendar;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.FluentCalendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * iCalendar (RFC 5545) files for meetings, written with ical4j. Times carry TZID=Asia/Tokyo and
 * every file carries that zone's VTIMEZONE, so a client in another zone (ical.js, Outlook) places
 * 15:00 Tokyo correctly instead of reading it as floating local time. Downloads and feeds are
 * {@code METHOD:PUBLISH}; only the invitation mail is an iTIP {@code REQUEST} (or {@code CANCEL}),
 * and it names its {@code ORGANIZER} and the one {@code ATTENDEE} it is sent to (RFC 5546 §3.2.2).
 */
final class CalendarFiles {

    /** What one event needs; {@code link} is the absolute URL people open. */
    record Event(long meetingId, int sequence, String title, ZonedDateTime start, ZonedDateTime end,
                 List<String> venues, String onlineUrl, String link, boolean cancelled) {
    }

    /** The iTIP parties of an invitation: the sending address (named after the hosts) and the recipient. */
    record Parties(String organizerName, String organizerEmail, String attendeeName, String attendeeEmail) {
    }

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarFiles() {
    }

    /** A single-event file to download or open (METHOD:PUBLISH: nothing to answer). */
    static byte[] download(Event e) {
        return text(base().withProperty(ImmutableMethod.PUBLISH).withComponent(event(e)).getFluentTarget())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The attachment of one invitation mail: METHOD:REQUEST (CANCEL for a cancelled meeting) to one attendee. */
    static byte[] invitation(Event e, Parties p) {
        VEvent v = event(e);
        Organizer organizer = new Organizer(mailto(p.organizerEmail()));
        if (p.organizerName() != null && !p.organizerName().isBlank()) {
            organizer.add(new Cn(clean(p.organizerName())));
        }
        v.add(organizer);
        Attendee attendee = new Attendee(mailto(p.attendeeEmail()));
        if (p.attendeeName() != null && !p.attendeeName().isBlank()) {
            attendee.add(new Cn(clean(p.attendeeName())));
        }
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(e.cancelled() ? PartStat.DECLINED : PartStat.NEEDS_ACTION);
        // replies go through Tsunagu's own link (it knows the waiting list and the capacity), not iTIP REPLY
        attendee.add(Rsvp.FALSE);
        v.add(attendee);
        return text(base().withProperty(e.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
                .withComponent(v).getFluentTarget()).getBytes(StandardCharsets.UTF_8);
    }

    /** A subscribable feed of many events (METHOD:PUBLISH). */
    static String feed(String name, List<Event> events) {
        FluentCalendar fluent = base().withProperty(ImmutableMethod.PUBLISH)
                .withProperty(new XProperty("X-WR-CALNAME", clean(name)))
                .withProperty(new XProperty("X-WR-TIMEZONE", JapaneseCalendar.TOKYO.getId()));
        for (Event e : events) {
            fluent = fluent.withComponent(event(e));
        }
        return text(fluent.getFluentTarget());
    }

    /**
     * The calendar as RFC 5545 text with its lines folded at 75 octets (§3.1; ical4j folds at 75
     * characters, which Japanese text triples), never inside a UTF-8 sequence.
     */
    static String text(Calendar c) {
        StringBuilder out = new StringBuilder();
        for (String line : c.toString().split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static FluentCalendar base() {
        return new Calendar().withProdId("-//Tsunagu//Meetings//JA").withDefaults().withComponent(tokyo());
    }

    /** Asia/Tokyo as a VTIMEZONE, from the zone data ical4j ships (no network). */
    static VTimeZone tokyo() {
        return ZONES.getTimeZone(JapaneseCalendar.TOKYO.getId()).getVTimeZone();
    }

    /**
     * A mailto: URI for any address that was accepted: everything outside the unreserved
     * characters and "@" percent-encoded (UTF-8), so building it never fails on an odd address.
     */
    static URI mailto(String email) {
        StringBuilder b = new StringBuilder("mailto:");
        for (byte x : email.trim().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "@.-_~+".indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return URI.create(b.toString());
    }

    /** Text for a calendar value: control characters (a bare CR included) become spaces, so no line can be forged. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp));
        return b.toString();
    }

    private static VEvent event(Event e) {
        VEvent v = new VEvent(e.start().withZoneSameInstant(JapaneseCalendar.TOKYO),
                e.end().withZoneSameInstant(JapaneseCalendar.TOKYO), clean(e.title()));
        v.add(new Uid("meeting-" + e.meetingId() + "@tsunagu"));
        v.add(new Sequence(e.sequence()));
        String where = e.venues().isEmpty() ? e.onlineUrl()
                : e.venues().stream().collect(Collectors.joining(" / ")) + (e.onlineUrl() == null ? "" : " / " + e.onlineUrl());
        if (where != null && !where.isBlank()) {
            v.add(new Location(clean(where)));
        }
        v.add(new Description(e.link()));
        v.add(new Url(URI.create(e.link())));
        v.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return v;
    }
}

package jp.tsunagu.meeting;

import jp.tsunagu.platform.time.JapaneseCalendar;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar files' shape, without a server: methods, the zone, the iTIP parties, folded lines. */
class CalendarFilesTest {

    static final CalendarFiles.Event EVENT = new CalendarFiles.Event(7, 2, "第3回 就労移行等情報交換会（南部地区・那覇市・豊見城市・糸満市）",
            LocalDateTime.of(2027, 1, 12, 15, 0).atZone(JapaneseCalendar.TOKYO),
            LocalDateTime.of(2027, 1, 12, 16, 30).atZone(JapaneseCalendar.TOKYO),
            List.of("南風原町 中央公民館 沖縄県島尻郡南風原町字兼城６８６番地"), null, "https://tsunagu.example/meetings/7", false);

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aDownloadIsPublishedWithItsZoneAndNoParties() {
        String ics = utf8(CalendarFiles.download(EVENT));
        assertTrue(ics.contains("METHOD:PUBLISH\r\n"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Asia/Tokyo:20270112T150000"), ics);
        assertFalse(ics.contains("ORGANIZER"), ics);
        assertFalse(ics.contains("ATTENDEE"), ics);
    }

    @Test
    void anInvitationNamesItsOrganizerAndOnlyItsRecipient() {
        String ics = utf8(CalendarFiles.invitation(EVENT,
                new CalendarFiles.Parties("ブリッジ", "no-reply@tsunagu.jp", "外部 参加者", "guest@example.jp"))).replace("\r\n ", "");
        assertTrue(ics.contains("METHOD:REQUEST\r\n"), ics);
        assertTrue(ics.matches("(?s).*\r\nORGANIZER;CN=\"?ブリッジ\"?:mailto:no-reply@tsunagu.jp\r\n.*"), ics);
        assertTrue(ics.contains("mailto:guest@example.jp"), ics);
        assertEquals(1, ics.split("ATTENDEE", -1).length - 1, ics);
        String cancelled = utf8(CalendarFiles.invitation(new CalendarFiles.Event(7, 3, "x", EVENT.start(), EVENT.end(),
                List.of(), null, EVENT.link(), true), new CalendarFiles.Parties("ブリッジ", "no-reply@tsunagu.jp", null, "g@example.jp")));
        assertTrue(cancelled.contains("METHOD:CANCEL\r\n") && cancelled.contains("STATUS:CANCELLED"), cancelled);
    }

    @Test
    void aFeedCarriesTheZoneOnceAndEveryLineIsFoldedAt75Octets() {
        String ics = CalendarFiles.feed("Tsunagu — 沖縄南部 就労移行等情報交換会", List.of(EVENT, EVENT));
        assertTrue(ics.contains("METHOD:PUBLISH\r\n"), ics);
        assertEquals(1, ics.split("BEGIN:VTIMEZONE", -1).length - 1);
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
        }
        // unfolded, the text is whole again (no character split between lines)
        assertTrue(ics.replace("\r\n ", "").contains("SUMMARY:" + EVENT.title() + "\r\n"), ics);
    }

    @Test
    void anOddAddressOrANameWithAControlCharacterCannotBreakTheFile() {
        // an address that java.net.URI refuses ("//x@[y.z") is percent-encoded instead of failing the mail
        String ics = utf8(CalendarFiles.invitation(EVENT, new CalendarFiles.Parties("ブリッジ\r\nX-EVIL:1", "no-reply@tsunagu.jp",
                "名前\rATTENDEE:mailto:other@example.jp", "//x@[y.z"))).replace("\r\n ", "");
        assertTrue(ics.contains("mailto:%2F%2Fx@%5By.z"), ics);
        // no bare CR or LF inside a line: every line break is the file's own CRLF
        assertFalse(ics.replace("\r\n", "").contains("\r"), ics);
        assertFalse(ics.replace("\r\n", "").contains("\n"), ics);
        assertFalse(ics.contains("\r\nX-EVIL"), ics);
        assertEquals(1, ics.split("\r\nATTENDEE", -1).length - 1, ics);
        assertEquals("mailto:a.b+c@example.jp", CalendarFiles.mailto("a.b+c@example.jp").toString());
    }
}

package jp.tsunagu.meeting;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.meeting.MeetingViews.AgendaItemView;
import jp.tsunagu.meeting.MeetingViews.AttendanceView;
import jp.tsunagu.meeting.MeetingViews.MinutesItemView;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.questionnaire.QuestionnaireService.Submission;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The meeting pages' forms read into the services' inputs: what a field is called on the page,
 * the bounds of numbers and dates, rows of repeated fields. Each reader collects its refusals in
 * the {@link Params} it is given, named by the page's field ids.
 */
final class MeetingForms {

    private MeetingForms() {
    }

    static MeetingInput meetingInput(Map<String, String> form, Params p, Integer version) {
        LocalDate date = p.date("date", form.get("date"));
        LocalTime start = MeetingTimes.parseTime(p, "startTime", form.get("startTime"));
        LocalTime end = MeetingTimes.parseTime(p, "endTime", form.get("endTime"));
        if (date != null && (start == null || end == null)) {
            p.error(start == null ? "startTime" : "endTime", "required");
        }
        LinkedHashSet<Long> organizers = new LinkedHashSet<>();
        Long organizer = p.optionalLong("organizerId", form.get("organizerId"), 1, Long.MAX_VALUE);
        if (organizer != null) {
            organizers.add(organizer);
        }
        Long cohost = p.optionalLong("cohostId", form.get("cohostId"), 1, Long.MAX_VALUE);
        if (cohost != null) {
            organizers.add(cohost);
        }
        List<Venue> venues = new ArrayList<>();
        if (form.get("venueName") != null && !form.get("venueName").isBlank()) {
            venues.add(new Venue(form.get("venueName"), form.get("venueAddress")));
        }
        if (form.get("venue2Name") != null && !form.get("venue2Name").isBlank()) {
            venues.add(new Venue(form.get("venue2Name"), form.get("venue2Address")));
        }
        Long capacity = p.optionalLong("capacity", form.get("capacity"), 1, 10000);
        return new MeetingInput(form.get("kind"), form.get("title"), List.copyOf(organizers),
                p.optionalLong("circleId", form.get("circleId"), 1, Long.MAX_VALUE),
                p.optionalLong("seriesId", form.get("seriesId"), 1, Long.MAX_VALUE), null, form.get("format"), venues,
                form.get("onlineUrl"), date == null || start == null || end == null ? null : LocalDateTime.of(date, start),
                date == null || start == null || end == null ? null
                        : LocalDateTime.of(end.isAfter(start) ? date : date.plusDays(1), end),
                capacity == null ? null : capacity.intValue(), form.get("description"), form.get("feeNote"), version);
    }

    static List<PollService.SlotInput> slotInputs(Map<String, String> form, Params p) {
        List<PollService.SlotInput> slots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String day = form.get("slotDate" + i);
            if (day == null || day.isBlank()) {
                continue;
            }
            LocalDate d = p.date("slotDate" + i, day);
            LocalTime s = MeetingTimes.parseTime(p, "slotStart" + i, form.get("slotStart" + i));
            LocalTime e = MeetingTimes.parseTime(p, "slotEnd" + i, form.get("slotEnd" + i));
            if (d != null && s != null && e != null) {
                slots.add(new PollService.SlotInput(LocalDateTime.of(d, s), LocalDateTime.of(d, e)));
            } else if (s == null || e == null) {
                p.error(s == null ? "slotStart" + i : "slotEnd" + i, "required");
            }
        }
        return slots;
    }

    static PollService.AnswerInput answerInput(Map<String, String> form, Params p) {
        Map<Long, String> answers = new LinkedHashMap<>();
        form.forEach((k, val) -> {
            if (k.startsWith("answer-")) {
                Long slot = p.optionalLong(k, k.substring(7), 1, Long.MAX_VALUE);
                if (slot != null) {
                    answers.put(slot, val);
                }
            }
        });
        return new PollService.AnswerInput(answers, form.get("comment"),
                p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE));
    }

    static InviteInput inviteInput(Map<String, String> form, Params p) {
        List<PersonInput> persons = new ArrayList<>();
        String lines = form.get("persons");
        if (lines != null && !lines.isBlank()) {
            String[] rows = lines.split("\\R");
            for (int i = 0; i < rows.length && i <= 100; i++) {
                String row = rows[i].trim();
                if (row.isEmpty()) {
                    continue;
                }
                String[] parts = row.split("\\s*[,，、\\t]\\s*");
                if (parts.length < 2) {
                    p.error("persons", "invite-person-line");
                    break;
                }
                persons.add(new PersonInput(parts[0], parts[1], null));
            }
        }
        Long org = p.optionalLong("organizationId", form.get("organizationId"), 1, Long.MAX_VALUE);
        Long pref = p.optionalLong("prefectureCode", form.get("prefectureCode"), 1, 47);
        return new InviteInput(org == null ? List.of() : List.of(org),
                p.optionalLong("inviteCircleId", form.get("inviteCircleId"), 1, Long.MAX_VALUE),
                form.get("organizationType") == null || form.get("organizationType").isBlank() ? null : form.get("organizationType"),
                pref == null ? null : pref.intValue(), null, persons);
    }

    /** Questionnaire answers from a form: fields q-CODE, several values for multiple choice. */
    static Submission submission(MultivaluedMap<String, String> raw) {
        Map<String, List<String>> answers = new HashMap<>();
        if (raw != null) {
            raw.forEach((k, vs) -> {
                if (k != null && k.startsWith("q-") && k.length() <= 43 && vs != null) {
                    answers.put(k.substring(2), vs.size() > 20 ? vs.subList(0, 20) : vs);
                }
            });
        }
        return new Submission(answers);
    }

    /** Agenda rows from the editor's fields (title0, minutes0 …); removed and empty rows left out. */
    static List<AgendaItemView> agendaItems(Map<String, String> form, Params p) {
        List<AgendaItemView> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String title = form.get("title" + i);
            if (title == null || title.isBlank() || "on".equals(form.get("remove" + i))) {
                continue;
            }
            Long minutesValue = p.optionalLong("items" + items.size() + "-minutes", form.get("minutes" + i), 0, 600);
            Long presenter = p.optionalLong("presenter" + i, form.get("presenter" + i), 1, Long.MAX_VALUE);
            items.add(new AgendaItemView(items.size() + 1, form.get("type" + i), title,
                    minutesValue == null ? 0 : minutesValue.intValue(), presenter, null, null, form.get("notes" + i)));
        }
        return items;
    }

    /** Attendance from the register: mode-INVITEE fields, then walk-in rows (walkName0, walkMode0 …). */
    static List<AttendanceView> attendance(Map<String, String> form, Params p) {
        List<AttendanceView> entries = new ArrayList<>();
        form.forEach((k, val) -> {
            if (k.startsWith("mode-") && val != null && !val.isBlank()) {
                Long invitee = p.optionalLong(k, k.substring(5), 1, Long.MAX_VALUE);
                if (invitee != null) {
                    entries.add(new AttendanceView(0, invitee, null, null, val));
                }
            }
        });
        for (int i = 0; i < 60; i++) {
            String name = form.get("walkName" + i);
            if (name != null && !name.isBlank()) {
                entries.add(new AttendanceView(0, null, null, name, form.getOrDefault("walkMode" + i, "IN_PERSON")));
            }
        }
        return entries;
    }

    /** Minutes rows (theme0, content0, results0, agenda0 …); a theme with nothing written under it is left out. */
    static List<MinutesItemView> minutesItems(Map<String, String> form, Params p) {
        List<MinutesItemView> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String theme = form.get("theme" + i);
            if (theme == null) {
                continue;
            }
            // a theme alone (pre-filled from the agenda) with nothing written under it is not minutes
            if (blank(form.get("content" + i)) && blank(form.get("results" + i))) {
                continue;
            }
            Long agendaPos = p.optionalLong("agenda" + i, form.get("agenda" + i), 1, 40);
            items.add(new MinutesItemView(agendaPos, theme, form.get("content" + i), form.get("results" + i)));
        }
        return items;
    }

    /** An action item from the minutes page's fields (actionTitle, actionOwnerOrgId, actionDueOn …). */
    static ActionService.ActionInput action(Map<String, String> form, Params p) {
        Long owner = p.optionalLong("actionOwnerOrgId", form.get("actionOwnerOrgId"), 1, Long.MAX_VALUE);
        LocalDate due = p.date("actionDueOn", form.get("actionDueOn"));
        Integer version = p.intOr("actionVersion", form.get("actionVersion"), 0, 0, Integer.MAX_VALUE);
        return new ActionService.ActionInput(form.get("actionTitle"), owner, null, due,
                form.getOrDefault("actionStatus", "OPEN"), null, version);
    }

    /** The series form on the meetings page (seriesTitle, seriesKind, defaultWeekday …). */
    static SeriesService.SeriesInput series(Map<String, String> form, Params p) {
        Long circle = p.optionalLong("seriesCircleId", form.get("seriesCircleId"), 1, Long.MAX_VALUE);
        Long org = p.optionalLong("seriesOrganizerId", form.get("seriesOrganizerId"), 1, Long.MAX_VALUE);
        Long weekday = p.optionalLong("defaultWeekday", form.get("defaultWeekday"), 1, 7);
        Long length = p.optionalLong("defaultMinutes", form.get("defaultMinutes"), 10, 720);
        Long min = p.optionalLong("perYearMin", form.get("perYearMin"), 1, 52);
        Long max = p.optionalLong("perYearMax", form.get("perYearMax"), 1, 52);
        Function<Long, Integer> i = x -> x == null ? null : x.intValue();
        return new SeriesService.SeriesInput(circle, form.get("seriesTitle"), form.get("seriesKind"),
                org == null ? List.of() : List.of(org), i.apply(weekday), form.get("defaultStart"), i.apply(length),
                i.apply(min), i.apply(max));
    }

    /** The version a form carries (-1 when missing, so the service answers "required"). */
    static Integer version(Map<String, String> form, Params p) {
        return p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

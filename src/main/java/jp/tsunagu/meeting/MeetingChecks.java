package jp.tsunagu.meeting;

import jakarta.validation.Validator;
import jp.tsunagu.meeting.MeetingTerms.Format;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.validation.Violations;
import jp.tsunagu.platform.web.Params;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/** The checks on a meeting as entered, before anything is read or written. */
final class MeetingChecks {

    private MeetingChecks() {
    }

    /** The input's field rules (Bean Validation), then what differs between creating and changing, and the rules across fields. */
    static void validate(Validator validator, MeetingInput in, Params p, boolean update) {
        Violations.check(validator, in, p);
        if (!update && (in.organizerIds() == null || in.organizerIds().isEmpty())) {
            p.error("organizerIds", "required");
        } else if (in.organizerIds() != null && (in.organizerIds().size() > 10 || in.organizerIds().stream().anyMatch(Objects::isNull))) {
            p.error("organizerIds", "range");
        }
        Format format = in.format() == null ? null : MeetingTerms.parse(Format.class, in.format().trim()).orElse(null);
        List<Venue> venues = in.venues() == null ? List.of() : in.venues();
        boolean url = in.onlineUrl() != null && !in.onlineUrl().isBlank();
        if (url && (in.onlineUrl().length() > 500 || !in.onlineUrl().trim().matches("^https?://\\S+$")
                || !plainHost(in.onlineUrl().trim()))) {
            p.error("onlineUrl", "url");
        }
        if ((format == Format.IN_PERSON || format == Format.HYBRID) && venues.isEmpty()) {
            p.error("venues[0].name", "venue-required");
        }
        if ((format == Format.ONLINE || format == Format.HYBRID) && !url) {
            p.error("onlineUrl", "online-url-required");
        }
        MeetingTimes.checkTimes(p, "startsAt", "endsAt", in.startsAt(), in.endsAt(), false);
        if (update && in.version() == null) {
            p.error("version", "required");
        }
    }

    /**
     * An online meeting URL must name its host plainly, as the mails show it: no user part
     * ("https://hellowork.go.jp@evil.example/"), no backslash, a host a browser would open as written.
     */
    static boolean plainHost(String url) {
        if (url.contains("\\") || url.contains("@")) {
            return false;
        }
        try {
            URI u = new URI(url);
            return u.getHost() != null && u.getRawUserInfo() == null && u.getHost().matches("^[A-Za-z0-9.-]+$");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

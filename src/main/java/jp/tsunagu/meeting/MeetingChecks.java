package jp.tsunagu.meeting;

import jp.tsunagu.meeting.MeetingTerms.Format;
import jp.tsunagu.meeting.MeetingTerms.Kind;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.web.Params;

import java.util.List;

/** The checks on a meeting as entered, before anything is read or written. */
final class MeetingChecks {

    private MeetingChecks() {
    }

    static void validate(MeetingInput in, Params p, boolean update) {
        p.choice("kind", in.kind(), v -> MeetingTerms.parse(Kind.class, v));
        if (in.kind() == null) {
            p.error("kind", "required");
        }
        Format format = p.choice("format", in.format(), v -> MeetingTerms.parse(Format.class, v));
        if (in.format() == null) {
            p.error("format", "required");
        }
        if (in.title() == null || in.title().isBlank()) {
            p.error("title", "required");
        } else if (in.title().length() > 200) {
            p.error("title", "too-long");
        }
        if (!update && (in.organizerIds() == null || in.organizerIds().isEmpty())) {
            p.error("organizerIds", "required");
        } else if (in.organizerIds() != null && (in.organizerIds().size() > 10 || in.organizerIds().stream().anyMatch(java.util.Objects::isNull))) {
            p.error("organizerIds", "range");
        }
        List<Venue> venues = in.venues() == null ? List.of() : in.venues();
        if (venues.size() > 5) {
            p.error("venues", "range");
        }
        for (int i = 0; i < venues.size() && i < 5; i++) {
            Venue v = venues.get(i);
            if (v == null || v.name() == null || v.name().isBlank()) {
                p.error("venues[" + i + "].name", "required");
            } else if (v.name().length() > 200) {
                p.error("venues[" + i + "].name", "too-long");
            }
            if (v != null && v.address() != null && v.address().length() > 300) {
                p.error("venues[" + i + "].address", "too-long");
            }
        }
        boolean url = in.onlineUrl() != null && !in.onlineUrl().isBlank();
        if (url && (in.onlineUrl().length() > 500 || !in.onlineUrl().trim().matches("^https?://\\S+$")
                || !plainHost(in.onlineUrl().trim()))) {
            p.error("onlineUrl", "url");
        }
        if (format == Format.IN_PERSON || format == Format.HYBRID) {
            if (venues.isEmpty()) {
                p.error("venues[0].name", "venue-required");
            }
        }
        if ((format == Format.ONLINE || format == Format.HYBRID) && !url) {
            p.error("onlineUrl", "online-url-required");
        }
        MeetingTimes.checkTimes(p, "startsAt", "endsAt", in.startsAt(), in.endsAt(), false);
        if (in.capacity() != null && (in.capacity() < 1 || in.capacity() > 10000)) {
            p.error("capacity", "range");
        }
        if (in.description() != null && in.description().length() > 4000) {
            p.error("description", "too-long");
        }
        if (in.feeNote() != null && in.feeNote().length() > 200) {
            p.error("feeNote", "too-long");
        }
        if (in.number() != null && (in.number() < 0 || in.number() > 999)) {
            p.error("number", "range");
        }
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
            java.net.URI u = new java.net.URI(url);
            return u.getHost() != null && u.getRawUserInfo() == null && u.getHost().matches("^[A-Za-z0-9.-]+$");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}

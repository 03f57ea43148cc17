package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.conference.ConferenceViews.ConferenceDetail;
import jp.tsunagu.conference.ConferenceViews.PhaseView;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;

/** Taking part while a conference runs: an attendee's pledge, and the phases the facilitator moves through. */
@ApplicationScoped
public class ConferenceRun {

    @Inject
    ConferenceAccess access;

    @Inject
    ConferenceService conferences;

    @Inject
    BoardNotices notices;

    @WithTransaction
    public Uni<ConferenceDetail> pledge(Viewer viewer, long id, PledgeInput in) {
        if (in == null || !Boolean.TRUE.equals(in.accept())) {
            throw ProblemException.field("accept", "pledge-accept");
        }
        return access.visible(viewer, id).chain(l -> {
            if (l.me() == null) {
                throw ProblemException.notFound();
            }
            if (l.conference().materialsDeletedAt != null) {
                throw new ProblemException(410, "material-deleted");
            }
            ConferenceAttendee me = l.me();
            if (me.pledgedAt == null) {
                me.pledgedAt = Instant.now();
                me.pledgeBasis = l.conference().legalBasis;
            }
            return me.<ConferenceAttendee>persistAndFlush()
                    .chain(saved -> conferences.detailOf(viewer, new ConferenceAccess.Loaded(l.conference(), saved)));
        });
    }

    @WithSession
    public Uni<PhaseView> phase(Viewer viewer, long id) {
        return access.visible(viewer, id).chain(l -> {
            if (l.me() == null) {
                throw ProblemException.notFound();
            }
            return ConferencePhase.<ConferencePhase>list("conferenceId = ?1 order by position", id)
                    .map(phases -> ConferenceService.run(l.conference(), phases));
        });
    }

    @WithTransaction
    public Uni<PhaseView> move(Viewer viewer, long id, RunInput in) {
        Params p = new Params();
        if (in == null || in.action() == null) {
            p.error("action", "required");
        } else if (!in.action().matches("^(START|NEXT|PREVIOUS|FINISH)$")) {
            p.error("action", "unknown-value");
        }
        if (in == null || in.version() == null) {
            p.error("version", "required");
        }
        p.check();
        return access.editable(viewer, id).chain(l -> ConferencePhase.<ConferencePhase>list(
                "conferenceId = ?1 order by position", id).map(phases -> {
            Conference c = l.conference();
            if (Versions.stale(c.version, in.version())) {
                throw ProblemException.conflict(ConferenceService.run(c, phases));
            }
            if (c.materialsDeletedAt != null) {
                throw new ProblemException(410, "material-deleted");
            }
            Instant now = Instant.now();
            int cur = c.currentPhase == null ? -1 : c.currentPhase;
            switch (in.action()) {
                case "START" -> {
                    if (cur >= 0 || c.finishedAt != null) {
                        throw new ProblemException(409, "run-state");
                    }
                    c.currentPhase = 0;
                    c.phaseStartedAt = now;
                }
                case "NEXT" -> {
                    if (cur < 0 || c.finishedAt != null) {
                        throw new ProblemException(409, "run-state");
                    }
                    if (cur + 1 < phases.size()) {
                        c.currentPhase = (short) (cur + 1);
                        c.phaseStartedAt = now;
                    } else {
                        c.finishedAt = now;
                    }
                }
                case "PREVIOUS" -> {
                    if (cur <= 0) {
                        throw new ProblemException(409, "run-state");
                    }
                    c.currentPhase = (short) (cur - 1);
                    c.phaseStartedAt = now;
                    c.finishedAt = null;
                }
                default -> {
                    if (c.finishedAt != null) {
                        throw new ProblemException(409, "run-state");
                    }
                    c.finishedAt = now;
                }
            }
            c.version++;
            return ConferenceService.run(c, phases);
        })).call(() -> notices.changed(id));
    }
}

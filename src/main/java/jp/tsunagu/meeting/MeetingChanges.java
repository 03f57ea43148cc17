package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creating and changing meetings: the form's fields, the co-hosts (asked, agreeing or declining), venues, a series'
 * number; announcing, marking held and cancelling by hand, with the notices that go with a change.
 */
@ApplicationScoped
public class MeetingChanges {

    @Inject
    AccessPolicy policy;

    @Inject
    Validator validator;

    @Inject
    InputCheck inputs;

    @Inject
    MeetingAccess access;

    @Inject
    MeetingNotices notices;

    @Inject
    MeetingService meetings;

    @WithTransaction
    public Uni<MeetingDetail> create(Viewer viewer, MeetingInput in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Params p = new Params();
        MeetingChecks.validate(validator, in, p, false);
        p.check();
        Uni<MeetingSeries> series = in.seriesId() == null ? Uni.createFrom().nullItem()
                : MeetingSeries.<MeetingSeries>findById(in.seriesId()).chain(s -> {
            if (s == null) {
                throw ProblemException.field("seriesId", "unknown");
            }
            return SeriesOrganizer.<SeriesOrganizer>list("seriesId", s.id).map(orgs -> {
                Set<Long> ids = new HashSet<>();
                orgs.forEach(o -> ids.add(o.organizationId));
                if (!policy.permits(viewer, Action.EDIT, new Resource.Series(s.circleId, ids))) {
                    throw ProblemException.field("seriesId", "unknown");
                }
                return s;
            });
        });
        return series.chain(s -> {
            Long circleId = s != null ? s.circleId : in.circleId();
            Set<Long> organizers = new LinkedHashSet<>(in.organizerIds());
            if (!policy.permits(viewer, Action.EDIT, new Resource.Meeting(organizers, circleId, false, true))) {
                throw ProblemException.field("organizerIds", "organizer-not-member");
            }
            return checkOrganizations(organizers, "organizerIds").chain(() -> checkCircle(viewer, circleId))
                    .chain(() -> nextNumber(s, in.number())).chain(number -> {
                        Meeting m = new Meeting();
                        m.seriesId = s == null ? null : s.id;
                        m.number = number;
                        m.circleId = circleId;
                        m.status = in.startsAt() != null ? Status.SCHEDULED : Status.DRAFT;
                        m.createdBy = viewer.accountId();
                        m.createdAt = Instant.now();
                        // the creating organization hosts: the viewer's own among those named (the secretariat: the first)
                        m.hostOrgId = organizers.stream().filter(viewer::memberOf).findFirst().orElse(organizers.iterator().next());
                        m.agendaVersion = 0;
                        m.minutesVersion = 0;
                        m.version = 0;
                        apply(m, in);
                        return m.<Meeting>persistAndFlush().call(saved -> Rows.persistAll(organizerRows(saved.id, organizers,
                                        viewer, Map.of())))
                                .call(saved -> saveVenues(saved.id, in.venues()))
                                .chain(saved -> meetings.detail(viewer, saved.id));
                    });
        });
    }

    public Uni<MeetingDetail> update(Viewer viewer, long id, MeetingInput in) {
        Params p = new Params();
        MeetingChecks.validate(validator, in, p, true);
        p.check();
        return updateTx(viewer, id, in).chain(notices::deliver).chain(x -> meetings.detail(viewer, id));
    }

    @WithTransaction
    Uni<MeetingNotices.Sent<Long>> updateTx(Viewer viewer, long id, MeetingInput in) {
        return access.editable(viewer, id).chain(l -> {
            Meeting m = l.meeting();
            if (Versions.stale(m.version, in.version())) {
                return Versions.conflict(meetings.detailOf(viewer, l));
            }
            if (m.status == Status.CANCELLED) {
                throw new ProblemException(409, "meeting-cancelled");
            }
            if (in.startsAt() == null && m.startsAt != null && m.status != Status.SCHEDULING
                    && m.status != Status.DRAFT) {
                throw ProblemException.field("startsAt", "required");
            }
            Set<Long> current = new LinkedHashSet<>(l.organizerIds());
            current.addAll(l.askedCoHostIds());
            Set<Long> organizers = in.organizerIds() == null || in.organizerIds().isEmpty() ? current
                    : new LinkedHashSet<>(in.organizerIds());
            if (!organizers.equals(current)) {
                // only the creating organization and the secretariat change the co-hosts
                policy.decide(viewer, Action.EDIT, l.organizers()).orThrow();
                if (m.hostOrgId != null && !organizers.contains(m.hostOrgId) && !viewer.is(Role.NETWORK_ADMIN)) {
                    throw ProblemException.field("organizerIds", "organizer-host-required");
                }
            }
            Set<Long> consenting = new LinkedHashSet<>(organizers);
            consenting.removeIf(o -> l.askedCoHostIds().contains(o) || (!current.contains(o) && !viewer.memberOf(o)
                    && !viewer.is(Role.NETWORK_ADMIN)));
            if (!policy.permits(viewer, Action.EDIT, new Resource.Meeting(consenting, m.circleId, false, true))) {
                throw ProblemException.field("organizerIds", "organizer-not-member");
            }
            boolean moved = m.startsAt != null && in.startsAt() != null && !m.startsAt.equals(MeetingTimes.instant(in.startsAt()));
            return checkOrganizations(organizers, "organizerIds").chain(() -> {
                apply(m, in);
                if (moved) {
                    m.reminderSentAt = null;
                }
                m.version++;
                m.updatedAt = Instant.now();
                return MeetingOrganizer.<MeetingOrganizer>list("meetingId", m.id)
                        .chain(old -> {
                            Map<Long, Optional<Instant>> kept = new HashMap<>();
                            old.forEach(o -> kept.put(o.organizationId, Optional.ofNullable(o.consentedAt)));
                            return Rows.replace(old, organizerRows(m.id, organizers, viewer, kept));
                        })
                        .chain(() -> MeetingVenue.<MeetingVenue>list("meetingId", m.id))
                        .chain(old -> Rows.replace(old, venueRows(m.id, in.venues())))
                        .chain(() -> moved ? notices.toInvitees(m, MeetingNotices.Kind.CHANGED)
                                : Uni.createFrom().item(List.<MeetingNotices.OutMail>of()))
                        .map(mails -> new MeetingNotices.Sent<>(m.id, mails));
            });
        });
    }

    static void apply(Meeting m, MeetingInput in) {
        m.kind = Values.code(MeetingTerms.Kind.class, in.kind());
        m.title = in.title().trim();
        m.format = Values.code(MeetingTerms.Format.class, in.format());
        m.onlineUrl = Values.blankToNull(in.onlineUrl());
        if (in.startsAt() != null) {
            m.startsAt = MeetingTimes.instant(in.startsAt());
            m.endsAt = MeetingTimes.instant(in.endsAt());
        }
        m.capacity = in.capacity();
        m.description = Values.blankToNull(in.description());
        m.feeNote = Values.blankToNull(in.feeNote());
        m.updatedAt = Instant.now();
    }

    /**
     * Status changes an organizer makes by hand: announce a draft with a date (→ scheduled), mark
     * held (after its start), cancel. Polls and minutes move the other steps.
     */
    public Uni<MeetingDetail> changeStatus(Viewer viewer, long id, StatusInput in) {
        return changeStatusTx(viewer, id, in).chain(notices::deliver).chain(x -> meetings.detail(viewer, id));
    }

    @WithTransaction
    Uni<MeetingNotices.Sent<Long>> changeStatusTx(Viewer viewer, long id, StatusInput in) {
        inputs.require(in);
        Status target = MeetingTerms.parse(Status.class, in.status().trim()).orElseThrow();
        return access.editable(viewer, id).chain(l -> {
            Meeting m = l.meeting();
            if (Versions.stale(m.version, in.version())) {
                return Versions.conflict(meetings.detailOf(viewer, l));
            }
            Status from = m.status;
            boolean allowed = switch (target) {
                case SCHEDULED -> from == Status.DRAFT && m.startsAt != null;
                case HELD -> from == Status.SCHEDULED && !m.startsAt.isAfter(Instant.now());
                case CANCELLED -> from == Status.DRAFT || from == Status.SCHEDULING || from == Status.SCHEDULED;
                default -> false;
            };
            if (!allowed) {
                throw new ProblemException(409, "status-change-refused",
                        Messages.get(viewer.locale(), "meeting-status." + from.name()),
                        Messages.get(viewer.locale(), "meeting-status." + target.name()));
            }
            m.status = target;
            m.version++;
            m.updatedAt = Instant.now();
            return (target == Status.CANCELLED && from != Status.DRAFT ? notices.toInvitees(m, MeetingNotices.Kind.CANCELLED)
                    : Uni.createFrom().item(List.<MeetingNotices.OutMail>of())).map(mails -> new MeetingNotices.Sent<>(m.id, mails));
        });
    }

    Uni<Void> checkOrganizations(Set<Long> ids, String field) {
        return Organization.count("id in ?1", ids).map(n -> {
            if (n != ids.size()) {
                throw ProblemException.field(field, "unknown");
            }
            return null;
        });
    }

    /** A meeting's circle must be one the person belongs to (the secretariat: any circle). */
    Uni<Void> checkCircle(Viewer viewer, Long circleId) {
        if (circleId == null) {
            return Uni.createFrom().voidItem();
        }
        return Circle.<Circle>findById(circleId).map(c -> {
            if (c == null || !(viewer.is(Role.NETWORK_ADMIN) || viewer.circleIds().contains(circleId))) {
                throw ProblemException.field("circleId", "unknown");
            }
            if (c.archivedAt != null) {
                throw ProblemException.field("circleId", "circle-archived");
            }
            return null;
        });
    }

    Uni<Integer> nextNumber(MeetingSeries s, Integer wanted) {
        if (s == null) {
            return Uni.createFrom().item(wanted);
        }
        return Meeting.<Meeting>find("seriesId = ?1 and number is not null order by number desc", s.id).firstResult()
                .chain(last -> {
                    int next = last == null ? 0 : last.number + 1;
                    if (wanted == null) {
                        return Uni.createFrom().item(next);
                    }
                    return Meeting.count("seriesId = ?1 and number = ?2", s.id, wanted).map(n -> {
                        if (n > 0) {
                            throw ProblemException.field("number", "number-taken");
                        }
                        return wanted;
                    });
                });
    }

    /**
     * The co-host rows: an organization keeps the consent it had ({@code kept}); one newly named has
     * agreed when the person naming it belongs to it or is the secretariat, otherwise it is asked
     * (consent null) and runs nothing until its staff agree.
     */
    static List<MeetingOrganizer> organizerRows(long meetingId, Set<Long> ids, Viewer viewer,
                                                Map<Long, Optional<Instant>> kept) {
        List<MeetingOrganizer> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (Long id : ids) {
            MeetingOrganizer o = new MeetingOrganizer();
            o.meetingId = meetingId;
            o.organizationId = id;
            o.consentedAt = kept.containsKey(id) ? kept.get(id).orElse(null)
                    : viewer == null || viewer.is(Role.NETWORK_ADMIN) || viewer.memberOf(id) ? now : null;
            rows.add(o);
        }
        return rows;
    }

    static List<MeetingVenue> venueRows(long meetingId, List<Venue> venues) {
        List<MeetingVenue> rows = new ArrayList<>();
        if (venues != null) {
            for (Venue v : venues) {
                MeetingVenue row = new MeetingVenue();
                row.meetingId = meetingId;
                row.position = rows.size() + 1;
                row.name = v.name().trim();
                row.address = Values.blankToNull(v.address());
                rows.add(row);
            }
        }
        return rows;
    }

    Uni<Void> saveVenues(long meetingId, List<Venue> venues) {
        return Rows.persistAll(venueRows(meetingId, venues));
    }

    /**
     * An organization asked to co-host answers: agreeing makes it an organizer (its staff run the
     * meeting from now on); declining takes it off the list. Staff of an asked organization only.
     */
    @WithTransaction
    public Uni<Void> answerCoHost(Viewer viewer, long id, boolean accept) {
        return access.load(viewer, id, true).chain(l -> {
            policy.decide(viewer, Action.APPROVE, new Resource.CoHostRequest(l.resource())).orThrow();
            return MeetingOrganizer.<MeetingOrganizer>list("meetingId = ?1 and consentedAt is null", id).chain(rows -> {
                List<MeetingOrganizer> mine = rows.stream().filter(o -> viewer.memberOf(o.organizationId)).toList();
                Instant now = Instant.now();
                Uni<Void> done = Uni.createFrom().voidItem();
                for (MeetingOrganizer o : mine) {
                    if (accept) {
                        o.consentedAt = now;
                    } else {
                        done = done.chain(() -> o.delete());
                    }
                }
                return done;
            });
        });
    }
}

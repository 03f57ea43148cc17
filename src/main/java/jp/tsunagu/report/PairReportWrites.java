package jp.tsunagu.report;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.notification.NotificationService.Outbox;
import jp.tsunagu.pairing.Pairing;
import jp.tsunagu.pairing.PairingService;
import jp.tsunagu.pairing.Terms;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;
import jp.tsunagu.report.ReportInputs.Comment;
import jp.tsunagu.report.ReportInputs.Decision;
import jp.tsunagu.report.ReportInputs.Text;
import jp.tsunagu.report.ReportTerms.AuthorRole;
import jp.tsunagu.report.ReportTerms.Status;
import jp.tsunagu.survey.SurveyService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writing a pair's report: the centers' text (a draft, version-checked), submitting it, the
 * secretariat approving it or sending it back with what to put right, and remarks on a section.
 * Each write locks the pair's row first, so two writes to one report take turns; the mails of an
 * event go out after its transaction has committed (the caller sends the returned outbox).
 */
@ApplicationScoped
public class PairReportWrites {

    /** At most this many remarks on one report (a conversation, not a chat). */
    static final int MAX_COMMENTS = 500;

    record Locked(Pairing pairing, Resource.PairReport resource, PairReport report, boolean fresh) {
    }

    @Inject
    InputCheck inputs;

    @Inject
    AccessPolicy policy;

    @Inject
    SurveyService surveys;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    /** The pair locked, if the viewer may do {@code action} to its report (404 / 403 / 401 otherwise), and its report. */
    Uni<Locked> locked(Viewer viewer, long pairingId, Action action) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return Pairing.<Pairing>findById(pairingId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            Resource.PairReport resource = new Resource.PairReport(PairingService.resource(p));
            policy.decide(viewer, action, resource).orThrow();
            return PairReport.<PairReport>findById(p.id).map(r -> {
                if (r != null) {
                    return new Locked(p, resource, r, false);
                }
                PairReport fresh = new PairReport();
                fresh.pairingId = p.id;
                return new Locked(p, resource, fresh, true);
            });
        });
    }

    static void requireVersion(PairReport r, Integer sent) {
        if (Versions.stale(r.version, sent)) {
            throw new ProblemException(409, "conflict");
        }
    }

    static Uni<Void> store(Locked l) {
        return l.fresh() ? l.report().persist().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** Text may hold line breaks and tabs, but no other control character (the PDF is XML). */
    static void plain(jp.tsunagu.platform.web.Params p, String field, String value) {
        if (value != null && value.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || c == 0xFFFE || c == 0xFFFF)) {
            p.error(field, "control-character");
        }
    }

    /** The centers' text, while a draft. */
    @WithTransaction
    public Uni<Void> save(Viewer viewer, long pairingId, Text in) {
        jp.tsunagu.platform.web.Params checked = inputs.of(in);
        if (in != null) {
            plain(checked, "motive", in.motive());
            plain(checked, "activities", in.activities());
            plain(checked, "keyPoints", in.keyPoints());
            plain(checked, "changes", in.changes());
            plain(checked, "surveyNotes", in.surveyNotes());
            plain(checked, "message", in.message());
        }
        checked.check();
        return locked(viewer, pairingId, Action.EDIT).chain(l -> {
            PairReport r = l.report();
            if (r.status != Status.DRAFT) {
                throw new ProblemException(409, "report-not-draft");
            }
            requireVersion(r, in.version());
            Uni<Void> surveyCheck = in.surveyId() == null ? Uni.createFrom().voidItem()
                    : surveys.concerning(viewer, l.pairing().programId, List.of(l.pairing().implementingId, l.pairing().supportingId),
                    l.pairing().circleId).map(cs -> {
                        if (cs.stream().noneMatch(c -> c.id() == in.surveyId())) {
                            throw ProblemException.field("surveyId", "unknown-value");
                        }
                        return null;
                    });
            return surveyCheck.chain(() -> {
                r.motive = text(in.motive());
                r.activities = text(in.activities());
                r.keyPoints = text(in.keyPoints());
                r.changes = text(in.changes());
                r.surveyNotes = text(in.surveyNotes());
                r.message = text(in.message());
                r.surveyId = in.surveyId();
                touch(r, viewer);
                return store(l);
            });
        });
    }

    /** The two centers hand the report to the secretariat; the officer and the advisor are told. */
    @WithTransaction
    public Uni<Outbox> submit(Viewer viewer, long pairingId, Decision in) {
        inputs.require(in);
        return locked(viewer, pairingId, Action.EDIT).chain(l -> {
            PairReport r = l.report();
            if (r.status != Status.DRAFT) {
                throw new ProblemException(409, "report-not-draft");
            }
            requireVersion(r, in.version());
            r.status = Status.SUBMITTED;
            r.submittedAt = Instant.now();
            r.submittedBy = viewer.accountId();
            touch(r, viewer);
            Pairing p = l.pairing();
            List<Long> told = new ArrayList<>();
            if (p.officerId != null) {
                told.add(p.officerId);
            }
            if (p.advisorId != null) {
                told.add(p.advisorId);
            }
            return store(l).chain(() -> audit.record(AuditType.PAIR_REPORT_SUBMITTED, viewer.accountId(), viewer.email(),
                            "pairing:" + p.id, null, null))
                    .chain(() -> label(p)).chain(label -> notifications.notifyPeople(told, "notify.report-submitted",
                            "mail.report-submitted.body", "/pairings/" + p.id + "/report", label));
        });
    }

    /** The secretariat approves a submitted report; the pair counts as reported. The two centers are told. */
    @WithTransaction
    public Uni<Outbox> approve(Viewer viewer, long pairingId, Decision in) {
        jp.tsunagu.platform.web.Params checked = inputs.of(in);
        if (in != null) {
            plain(checked, "comment", in.comment());
        }
        checked.check();
        return locked(viewer, pairingId, Action.APPROVE).chain(l -> {
            PairReport r = l.report();
            if (r.status != Status.SUBMITTED) {
                throw new ProblemException(409, "report-not-submitted");
            }
            requireVersion(r, in.version());
            r.status = Status.APPROVED;
            r.approvedAt = Instant.now();
            r.approvedBy = viewer.accountId();
            touch(r, viewer);
            Pairing p = l.pairing();
            if (p.status == Terms.PairingStatus.MATCHED || p.status == Terms.PairingStatus.ACTIVE) {
                p.status = Terms.PairingStatus.REPORTED;
                p.version++;
            }
            Uni<Void> comment = Values.blankToNull(in.comment()) == null ? Uni.createFrom().voidItem()
                    : remark(p.id, ReportTerms.Section.GENERAL, in.comment(), viewer, AuthorRole.SECRETARIAT);
            return comment.chain(() -> audit.record(AuditType.PAIR_REPORT_APPROVED, viewer.accountId(), viewer.email(),
                            "pairing:" + p.id, null, null))
                    .chain(() -> label(p)).chain(label -> notifications.notifyOrganizations(List.of(p.implementingId, p.supportingId),
                            "notify.report-approved", "mail.report-approved.body", "/pairings/" + p.id + "/report", label));
        });
    }

    /** The secretariat sends a submitted (or approved) report back to the centers, saying what to put right. */
    @WithTransaction
    public Uni<Outbox> sendBack(Viewer viewer, long pairingId, Decision in) {
        jp.tsunagu.platform.web.Params checked = inputs.of(in);
        if (in != null && Values.blankToNull(in.comment()) == null) {
            checked.error("comment", "required");
        }
        if (in != null) {
            plain(checked, "comment", in.comment());
        }
        checked.check();
        return locked(viewer, pairingId, Action.APPROVE).chain(l -> {
            PairReport r = l.report();
            if (r.status == Status.DRAFT) {
                throw new ProblemException(409, "report-not-submitted");
            }
            requireVersion(r, in.version());
            boolean wasApproved = r.status == Status.APPROVED;
            r.status = Status.DRAFT;
            r.approvedAt = null;
            r.approvedBy = null;
            touch(r, viewer);
            Pairing p = l.pairing();
            if (wasApproved && p.status == Terms.PairingStatus.REPORTED) {
                p.status = Terms.PairingStatus.ACTIVE; // no longer reported while its report is a draft again
                p.version++;
            }
            return remark(p.id, ReportTerms.Section.GENERAL, in.comment(), viewer, AuthorRole.SECRETARIAT)
                    .chain(() -> audit.record(AuditType.PAIR_REPORT_RETURNED, viewer.accountId(), viewer.email(),
                            "pairing:" + p.id, null, null))
                    .chain(() -> label(p)).chain(label -> notifications.notifyOrganizations(List.of(p.implementingId, p.supportingId),
                            "notify.report-returned", "mail.report-returned.body", "/pairings/" + p.id + "/report", label));
        });
    }

    /**
     * A remark on a section, until the report is approved. The advisor's and the secretariat's reach
     * the two centers in the app; the centers' reach the advisor and the officer.
     */
    @WithTransaction
    public Uni<Long> comment(Viewer viewer, long pairingId, Comment in) {
        jp.tsunagu.platform.web.Params checked = inputs.of(in);
        if (in != null && in.body() != null && Values.blankToNull(in.body().strip()) == null) {
            checked.error("body", "required"); // a full-width space alone is blank too
        }
        if (in != null) {
            plain(checked, "body", in.body());
        }
        checked.check();
        ReportTerms.Section section = Values.code(ReportTerms.Section.class, in.section());
        return locked(viewer, pairingId, Action.COMMENT).chain(l -> {
            if (l.report().status == Status.APPROVED) {
                throw new ProblemException(409, "report-approved");
            }
            Pairing p = l.pairing();
            AuthorRole role = viewer.is(Role.NETWORK_ADMIN) ? AuthorRole.SECRETARIAT
                    : viewer.is(Role.ADVISOR) ? AuthorRole.ADVISOR : AuthorRole.CENTER;
            return PairReportComment.count("pairingId", p.id).chain(n -> {
                if (n >= MAX_COMMENTS) {
                    throw new ProblemException(409, "too-many-comments");
                }
                PairReportComment c = comment(p.id, section, in.body(), viewer, role);
                String link = "/pairings/" + p.id + "/report"; // a notice's link carries no fragment
                Uni<Void> tell;
                if (role == AuthorRole.CENTER) {
                    List<Long> told = new ArrayList<>();
                    if (p.advisorId != null) {
                        told.add(p.advisorId);
                    }
                    if (p.officerId != null) {
                        told.add(p.officerId);
                    }
                    tell = label(p).chain(label -> notifications.notifyPeopleInApp(told.stream()
                            .filter(id -> !Objects.equals(id, viewer.accountId())).toList(), "notify.report-comment", link, label));
                } else {
                    // in the app only: the outbox's mails are not sent
                    tell = label(p).chain(label -> notifications.notifyOrganizations(List.of(p.implementingId, p.supportingId),
                            "notify.report-comment", "mail.report-returned.body", link, label)).replaceWithVoid();
                }
                return c.<PairReportComment>persist().chain(saved -> tell.replaceWith(saved.id));
            });
        });
    }

    /** "実施 × 応援" for the notices' titles (short names where the directory has them). */
    static Uni<String> label(Pairing p) {
        return jp.tsunagu.directory.Organization.<jp.tsunagu.directory.Organization>list("id in ?1", List.of(p.implementingId, p.supportingId))
                .map(orgs -> {
                    String impl = "", supp = "";
                    for (var o : orgs) {
                        String n = o.shortName != null && !o.shortName.isBlank() ? o.shortName : o.name;
                        if (o.id.equals(p.implementingId)) {
                            impl = n;
                        } else {
                            supp = n;
                        }
                    }
                    return impl + " × " + supp;
                });
    }

    Uni<Void> remark(long pairingId, ReportTerms.Section section, String body, Viewer viewer, AuthorRole role) {
        return comment(pairingId, section, body, viewer, role).persist().replaceWithVoid();
    }

    static PairReportComment comment(long pairingId, ReportTerms.Section section, String body, Viewer viewer, AuthorRole role) {
        PairReportComment c = new PairReportComment();
        c.pairingId = pairingId;
        c.section = section;
        c.body = body.strip();
        c.authorId = viewer.accountId();
        c.authorName = viewer.displayName() == null || viewer.displayName().isBlank() ? viewer.email() : viewer.displayName();
        c.authorRole = role;
        c.createdAt = Instant.now();
        return c;
    }

    static void touch(PairReport r, Viewer viewer) {
        r.version++;
        r.updatedAt = Instant.now();
        r.updatedBy = viewer.accountId();
    }

    static String text(String s) {
        String t = Values.blankToNull(s);
        return t == null ? null : t.strip();
    }
}

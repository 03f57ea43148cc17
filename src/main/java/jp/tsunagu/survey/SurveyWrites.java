package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Versions;
import jp.tsunagu.questionnaire.BuiltIn;
import jp.tsunagu.questionnaire.Definition;
import jp.tsunagu.questionnaire.Questionnaire;
import jp.tsunagu.questionnaire.QuestionnaireResponse;
import jp.tsunagu.questionnaire.QuestionnaireService;
import jp.tsunagu.survey.SurveyInputs.CreateInput;
import jp.tsunagu.survey.SurveyInputs.PaperInput;
import jp.tsunagu.survey.SurveyInputs.RecipientsInput;
import jp.tsunagu.survey.SurveyInputs.ShareInput;
import jp.tsunagu.survey.SurveyInputs.UpdateInput;
import jp.tsunagu.survey.SurveyMails.OutMail;
import jp.tsunagu.survey.SurveyMails.Sent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A survey's use cases, each one transaction: start it, change it, choose whom to ask, send the
 * personal links, remind those who have not answered, share its results into circles, key in a
 * paper answer. Mails are prepared inside and sent after commit.
 */
@ApplicationScoped
public class SurveyWrites {

    static final String SUBJECT = "survey";
    /** At most this many organizations per survey (the national network has a few thousand offices per type). */
    static final int MAX_RECIPIENTS = 5000;
    /** A manual reminder goes again to the same office at most once in this time. */
    static final Duration REMIND_GAP = Duration.ofHours(20);

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    SurveyAccess access;

    @Inject
    QuestionnaireService questionnaires;

    @Inject
    SurveyMails mails;

    @Inject
    AuditLog audit;

    /** Sent/reminded counts. */
    public record Mailed(int mailed, int onPaper) {
    }

    public record Added(int added, int total, int withoutEmail) {
    }

    @WithTransaction
    public Uni<Long> create(Viewer viewer, CreateInput in) {
        Params p = inputs.of(in);
        if (in == null) {
            p.check();
        }
        BuiltIn from = null;
        if (in.from() != null) {
            from = BuiltIn.parse(in.from()).orElse(null);
            if (from == null) {
                p.error("from", "unknown-value");
            }
        }
        if (in.definition() != null) {
            in.definition().check(p);
        }
        LocalDate today = JapaneseCalendar.today();
        if (in.deadline() != null && in.deadline().isBefore(today)) {
            p.error("deadline", "date-past");
        }
        dateOrder(p, in.opensOn(), in.deadline(), in.remindOn());
        p.check();
        long ownerId = in.ownerOrganizationId() != null ? in.ownerOrganizationId()
                : viewer.organizationIds().stream().findFirst().orElse(-1L);
        Definition def = in.definition() != null ? in.definition() : from != null ? from.definition() : null;
        Uni<Void> programKnown = in.programId() == null ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select count(*) from Program p where p.id = :p", Long.class).setParameter("p", in.programId()).getSingleResult())
                .map(n -> {
                    if (n == 0) {
                        throw ProblemException.field("programId", "unknown-value");
                    }
                    return null;
                });
        return programKnown.chain(() -> owner(ownerId)).chain(owner -> implementsAPair(owner).chain(implementing -> {
            policy.requireEdit(viewer, new Resource.SurveyCreation(ownerId, owner == null ? OrgType.OTHER : owner.orgType, implementing));
            Survey s = new Survey();
            s.ownerOrganizationId = ownerId;
            s.programId = in.programId();
            s.opensOn = in.opensOn();
            s.deadline = in.deadline();
            s.remindOn = in.remindOn();
            s.createdBy = viewer.accountId();
            s.createdAt = Instant.now();
            return s.<Survey>persistAndFlush();
        })).chain(s -> {
            Questionnaire q = new Questionnaire();
            q.subjectType = SUBJECT;
            q.subjectId = s.id;
            q.createdAt = Instant.now();
            Definition.Label title = in.title() != null ? in.title() : def != null ? def.title()
                    : new Definition.Label("新しいアンケート", "New survey");
            q.titleJa = title.ja().strip();
            q.titleEn = title.english();
            Uni<Questionnaire> stored = q.persistAndFlush();
            if (def != null) {
                Definition titled = new Definition(title, def.intro(), def.sections());
                stored = stored.chain(saved -> questionnaires.define(saved, titled));
            }
            return stored.chain(() -> audit.record(AuditType.SURVEY_CREATED, viewer.accountId(), viewer.email(), "survey:" + s.id, null, null))
                    .replaceWith(s.id);
        });
    }

    private static void dateOrder(Params p, LocalDate opensOn, LocalDate deadline, LocalDate remindOn) {
        if (opensOn != null && deadline != null && deadline.isBefore(opensOn)) {
            p.error("deadline", "date-order");
        }
        if (remindOn != null && deadline != null && remindOn.isAfter(deadline)) {
            p.error("remindOn", "remind-after-deadline");
        }
    }

    private Uni<Organization> owner(long id) {
        return Organization.findById(id);
    }

    /** Whether a center implements a pair (of any program year): such a center asks offices of its area. */
    Uni<Boolean> implementsAPair(Organization o) {
        if (o == null || o.orgType != OrgType.NAKAPOTSU) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select count(*) from Pairing p where p.implementingId = :c", Long.class)
                .setParameter("c", o.id).getSingleResult()).map(n -> n > 0);
    }

    @WithTransaction
    public Uni<Void> update(Viewer viewer, long id, UpdateInput in) {
        Params p = inputs.of(in);
        if (in != null) {
            if (in.definition() != null) {
                in.definition().check(p);
            }
            dateOrder(p, in.opensOn(), in.deadline(), in.remindOn());
        }
        p.check();
        return access.editable(viewer, id).chain(l -> {
            Survey s = l.survey();
            if (Versions.stale(s.version, in.version())) {
                throw ProblemException.conflict(Map.of("version", s.version));
            }
            if (in.definition() != null && s.status == Survey.Status.SENT) {
                throw new ProblemException(409, "survey-sent");
            }
            return SurveyRecipient.count("surveyId = ?1 and responseId is not null", s.id).chain(answered -> {
            if (in.definition() != null && answered > 0) {
                throw new ProblemException(409, "survey-sent");
            }
            s.opensOn = in.opensOn();
            s.deadline = in.deadline();
            if (!java.util.Objects.equals(s.remindOn, in.remindOn())) {
                s.remindOn = in.remindOn();
                s.reminderClaimedAt = null;
            }
            s.version++;
            Uni<Void> defined = in.definition() == null ? Uni.createFrom().voidItem()
                    : questionnaire(s.id).chain(q -> questionnaires.define(q, in.definition())).replaceWithVoid();
            return defined.chain(Panache::flush);
            });
        });
    }

    Uni<Questionnaire> questionnaire(long surveyId) {
        return questionnaires.find(SUBJECT, surveyId).map(q -> {
            if (q == null) {
                throw ProblemException.notFound();
            }
            return q;
        });
    }

    /**
     * Adds the organizations the selection names (each once; not the owner, not the secretariat,
     * not an office still waiting for confirmation). A center's survey asks its own prefecture only.
     */
    @WithTransaction
    public Uni<Added> addRecipients(Viewer viewer, long id, RecipientsInput in) {
        Params p = inputs.of(in);
        if (in != null && empty(in.orgTypes()) && empty(in.organizationIds())) {
            p.error("orgTypes", "required");
        }
        p.check();
        return access.editable(viewer, id).chain(l -> checkCircles(viewer, in).chain(() -> checkAreas(in)).chain(() -> {
            StringBuilder hql = new StringBuilder("select o.id, o.email from Organization o where o.confirmed = true"
                    + " and o.orgType <> :network and o.id <> :owner");
            Map<String, Object> args = new java.util.HashMap<>();
            args.put("network", OrgType.NATIONAL_NETWORK);
            args.put("owner", l.survey().ownerOrganizationId);
            if (!empty(in.orgTypes())) {
                hql.append(" and o.orgType in :types");
                args.put("types", in.orgTypes());
            }
            if (!empty(in.prefectures())) {
                hql.append(" and o.prefectureCode in :prefs");
                args.put("prefs", in.prefectures().stream().map(Integer::shortValue).toList());
            }
            if (l.owner().orgType != OrgType.NATIONAL_NETWORK) {
                hql.append(" and o.prefectureCode = :ownPref");
                args.put("ownPref", l.owner().prefectureCode);
            }
            if (!empty(in.areaIds())) {
                hql.append(" and exists (select 1 from OrganizationArea oa where oa.organizationId = o.id and oa.areaId in :areas)");
                args.put("areas", in.areaIds());
            }
            if (!empty(in.circleIds())) {
                hql.append(" and exists (select 1 from CircleMember cm where cm.organizationId = o.id and cm.circleId in :circles)");
                args.put("circles", in.circleIds());
            }
            if (!empty(in.organizationIds())) {
                hql.append(" and o.id in :ids");
                args.put("ids", in.organizationIds());
            }
            hql.append(" order by o.id");
            return Panache.getSession().chain(session -> {
                var q = session.createSelectionQuery(hql.toString(), Object[].class);
                args.forEach(q::setParameter);
                return q.getResultList();
            }).chain(rows -> SurveyRecipient.<SurveyRecipient>list("surveyId", id).chain(existing -> {
                Set<Long> have = new HashSet<>();
                existing.forEach(r -> have.add(r.organizationId));
                List<SurveyRecipient> added = new ArrayList<>();
                Instant now = Instant.now();
                for (Object[] r : rows) {
                    Long org = (Long) r[0];
                    if (have.add(org)) {
                        SurveyRecipient x = new SurveyRecipient();
                        x.surveyId = id;
                        x.organizationId = org;
                        x.email = blank((String) r[1]) ? null : ((String) r[1]).strip();
                        x.addedBy = viewer.accountId();
                        x.addedAt = now;
                        added.add(x);
                    }
                }
                if (have.size() > MAX_RECIPIENTS) {
                    throw new ProblemException(409, "survey-too-many-recipients", MAX_RECIPIENTS);
                }
                int withoutEmail = (int) (existing.stream().filter(x -> x.email == null).count()
                        + added.stream().filter(x -> x.email == null).count());
                return Rows.persistAll(added).chain(Panache::flush)
                        .replaceWith(new Added(added.size(), have.size(), withoutEmail));
            }));
        }));
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Circles the viewer may see (else the field is refused as if the circle did not exist). */
    private Uni<Void> checkCircles(Viewer viewer, RecipientsInput in) {
        if (empty(in.circleIds())) {
            return Uni.createFrom().voidItem();
        }
        var listable = policy.listableCircles(viewer);
        Set<Long> ids = new HashSet<>(in.circleIds());
        if (listable.isPresent() && !listable.get().containsAll(ids)) {
            throw ProblemException.field("circleIds", "unknown-value");
        }
        return jp.tsunagu.directory.Circle.count("id in ?1", ids).map(n -> {
            if (n != ids.size()) {
                throw ProblemException.field("circleIds", "unknown-value");
            }
            return null;
        });
    }

    private Uni<Void> checkAreas(RecipientsInput in) {
        if (empty(in.areaIds())) {
            return Uni.createFrom().voidItem();
        }
        Set<Long> ids = new HashSet<>(in.areaIds());
        return jp.tsunagu.directory.CatchmentArea.count("id in ?1", ids).map(n -> {
            if (n != ids.size()) {
                throw ProblemException.field("areaIds", "unknown-value");
            }
            return null;
        });
    }

    /** Takes out a recipient who has not answered (a wrong choice). */
    @WithTransaction
    public Uni<Void> removeRecipient(Viewer viewer, long id, long recipientId) {
        return access.editable(viewer, id).chain(l -> SurveyRecipient.<SurveyRecipient>find("id = ?1 and surveyId = ?2",
                recipientId, id).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult().chain(r -> {
            if (r == null) {
                throw ProblemException.notFound();
            }
            if (r.answeredAt != null) {
                throw new ProblemException(409, "survey-recipient-answered");
            }
            return r.delete();
        }));
    }

    /**
     * Sends the personal links to every recipient not yet asked who has an address; the others
     * are counted as on paper. The survey's questions stay as they are from now on.
     */
    @WithTransaction
    public Uni<Sent<Mailed>> send(Viewer viewer, long id) {
        return access.editable(viewer, id).chain(l -> {
            Survey s = l.survey();
            if (s.deadline.isBefore(JapaneseCalendar.today())) {
                throw new ProblemException(409, "survey-closed");
            }
            return questionnaires.find(SUBJECT, id).chain(q -> questionnaires.structure(q)).chain(st -> {
                if (st.questions().isEmpty()) {
                    throw new ProblemException(409, "survey-empty");
                }
                return SurveyRecipient.<SurveyRecipient>list("surveyId = ?1 and sentAt is null order by id", id)
                        .chain(todo -> names(todo).map(names -> {
                            Instant now = Instant.now();
                            List<OutMail> out = new ArrayList<>();
                            int onPaper = 0;
                            for (SurveyRecipient r : todo) {
                                String token = SecretTokens.newToken();
                                r.tokenHash = SecretTokens.hash(token);
                                if (r.email == null) {
                                    onPaper++;
                                    continue;
                                }
                                r.sentAt = now;
                                out.add(mails.mail(SurveyMails.Kind.REQUEST, r.email, names.get(r.organizationId), l.owner().name,
                                        st.questionnaire().titleJa, st.questionnaire().titleEn, s.deadline, token));
                            }
                            if (s.status == Survey.Status.DRAFT) {
                                s.status = Survey.Status.SENT;
                                s.sentAt = now;
                                s.version++;
                            }
                            return new Sent<>(new Mailed(out.size(), onPaper), out);
                        }));
            }).call(sent -> audit.record(AuditType.SURVEY_SENT, viewer.accountId(), viewer.email(), "survey:" + id, null,
                    "mailed=" + sent.value().mailed()));
        });
    }

    Uni<Map<Long, String>> names(List<SurveyRecipient> rs) {
        if (rs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Organization.<Organization>list("id in ?1", rs.stream().map(r -> r.organizationId).toList()).map(os -> {
            Map<Long, String> out = new java.util.HashMap<>();
            os.forEach(o -> out.put(o.id, o.name));
            return out;
        });
    }

    /** Reminds, now, those asked by mail who have not answered (not twice within {@link #REMIND_GAP}). */
    @WithTransaction
    public Uni<Sent<Mailed>> remind(Viewer viewer, long id) {
        return access.editable(viewer, id).chain(l -> {
            if (l.survey().status != Survey.Status.SENT) {
                throw new ProblemException(409, "survey-not-sent");
            }
            if (l.survey().deadline.isBefore(JapaneseCalendar.today())) {
                throw new ProblemException(409, "survey-closed");
            }
            return remindOpen(l);
        }).call(sent -> audit.record(AuditType.SURVEY_REMINDED, viewer.accountId(), viewer.email(), "survey:" + id, null,
                "mailed=" + sent.value().mailed()));
    }

    /**
     * The reminder itself, inside the caller's transaction: the recipients still owing an answer are
     * taken FOR UPDATE SKIP LOCKED and only if not reminded within the gap, so two runs at once
     * (the job on two instances, a click during the job) remind each office once. Each reminder
     * carries a new link; the one before keeps working.
     */
    Uni<Sent<Mailed>> remindOpen(SurveyAccess.Loaded l) {
        Survey s = l.survey();
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT id FROM survey_recipient WHERE survey_id = ?1 AND answered_at IS NULL AND sent_at IS NOT NULL"
                                + " AND email IS NOT NULL AND (reminded_at IS NULL OR reminded_at < ?2)"
                                + " ORDER BY id FOR UPDATE SKIP LOCKED", Long.class)
                .setParameter(1, s.id).setParameter(2, now.minus(REMIND_GAP)).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<SurveyRecipient>of())
                        : SurveyRecipient.<SurveyRecipient>list("id in ?1 order by id", ids))
                .chain(todo -> names(todo).chain(names -> questionnaire(s.id).map(q -> {
                    List<OutMail> out = new ArrayList<>();
                    for (SurveyRecipient r : todo) {
                        String token = SecretTokens.newToken();
                        r.previousTokenHash = r.tokenHash;
                        r.tokenHash = SecretTokens.hash(token);
                        r.remindedAt = now;
                        r.reminders++;
                        out.add(mails.mail(SurveyMails.Kind.REMINDER, r.email, names.get(r.organizationId), l.owner().name,
                                q.titleJa, q.titleEn, s.deadline, token));
                    }
                    return new Sent<>(new Mailed(out.size(), 0), out);
                })));
    }

    /** Shares the results into circles the viewer's organization belongs to (the pair's circle). */
    @WithTransaction
    public Uni<Void> share(Viewer viewer, long id, ShareInput in) {
        inputs.require(in);
        return access.editable(viewer, id).chain(l -> {
            Set<Long> wanted = new HashSet<>(in.circleIds());
            if (!wanted.stream().allMatch(viewer::mayAddTo)) {
                throw ProblemException.field("circleIds", "unknown-value");
            }
            Set<Long> have = new HashSet<>();
            l.shares().forEach(x -> have.add(x.circleId));
            List<SurveyShare> add = new ArrayList<>();
            for (Long c : wanted) {
                if (have.add(c)) {
                    SurveyShare x = new SurveyShare();
                    x.surveyId = id;
                    x.circleId = c;
                    x.sharedBy = viewer.accountId();
                    x.sharedAt = Instant.now();
                    add.add(x);
                }
            }
            return Rows.persistAll(add).chain(Panache::flush);
        });
    }

    /** Staff key in a paper answer for one of the recipients (marked as such, with who keyed it in). */
    @WithTransaction
    public Uni<Long> paper(Viewer viewer, long id, PaperInput in) {
        inputs.require(in);
        return access.editable(viewer, id).chain(l -> SurveyRecipient.<SurveyRecipient>find(
                "surveyId = ?1 and organizationId = ?2", id, in.organizationId()).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult().chain(r -> {
                    if (l.survey().status != Survey.Status.SENT) {
                        throw new ProblemException(409, "survey-not-sent");
                    }
                    if (r == null) {
                        throw ProblemException.field("organizationId", "not-a-recipient");
                    }
                    if (r.answeredAt != null && !in.replace()) {
                        throw new ProblemException(409, "survey-answered");
                    }
                    // a paper form posted before the deadline may arrive after it: keyed in then, but never over an answer
                    if (r.answeredAt != null && l.survey().deadline.isBefore(JapaneseCalendar.today())) {
                        throw new ProblemException(409, "survey-closed");
                    }
                    return questionnaire(id).chain(q -> questionnaires.structure(q))
                            .chain(st -> questionnaires.store(st, "org:" + r.organizationId, in.answers(),
                                    QuestionnaireResponse.Channel.PAPER, viewer.accountId(), true))
                            .map(responseId -> {
                                r.responseId = responseId;
                                r.answeredAt = Instant.now();
                                return responseId;
                            });
                }))
                .call(() -> audit.record(AuditType.SURVEY_PAPER_ANSWER, viewer.accountId(), viewer.email(), "survey:" + id, null,
                        "organization=" + in.organizationId()));
    }
}

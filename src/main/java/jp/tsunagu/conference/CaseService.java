package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.CasePart;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.conference.ConferenceTerms.AgencyType;
import jp.tsunagu.conference.ConferenceTerms.BoardKind;
import jp.tsunagu.conference.ConferenceTerms.CertificateType;
import jp.tsunagu.conference.ConferenceTerms.Diagnosis;
import jp.tsunagu.conference.ConferenceTerms.Frequency;
import jp.tsunagu.conference.ConferenceTerms.Phase;
import jp.tsunagu.conference.ConferenceTerms.Relation;
import jp.tsunagu.conference.ConferenceTerms.Sex;
import jp.tsunagu.conference.ConferenceViews.BoardEntryView;
import jp.tsunagu.conference.ConferenceViews.BoardPhase;
import jp.tsunagu.conference.ConferenceViews.CaseView;
import jp.tsunagu.conference.ConferenceViews.ReadView;
import jp.tsunagu.conference.ConferenceViews.TeamMemberView;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.validation.OneOf;
import jp.tsunagu.platform.validation.Violations;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case material: the de-identified case sheet with its support team, the recorder's board,
 * the read log and the printed copy. Every read of the case or the board writes a read-log row in
 * the same transaction as the read; free text is refused while the identifier check finds anything.
 */
@ApplicationScoped
public class CaseService {

    public record TeamInput(@NotBlank @OneOf(AgencyType.class) String agencyType, @Size(max = 200) String role,
                            @NotBlank @OneOf(Frequency.class) String frequency, @NotBlank @OneOf(Relation.class) String relation) {
    }

    public record CaseInput(Integer ageBand, @OneOf(Sex.class) String sex, @OneOf(CertificateType.class) String certificateType,
                            String certificateGrade, @OneOf(Diagnosis.class) String diagnosis,
                            @Size(max = 1000) String household, @Size(max = 1000) String referralRoute,
                            @Size(max = 2000) String presentingProblem, @Size(max = 4000) String factors,
                            @Size(max = 4000) String actionsOutcomes, @Size(max = 2000) String discussionPoints,
                            @Size(max = MAX_TEAM, message = "list-size") List<@NotNull @Valid TeamInput> team,
                            @NotNull Integer version) {
        /** The free-text fields by name (for the identifier check and for highlighting). */
        public Map<String, String> texts() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("household", household);
            out.put("referralRoute", referralRoute);
            out.put("presentingProblem", presentingProblem);
            out.put("factors", factors);
            out.put("actionsOutcomes", actionsOutcomes);
            out.put("discussionPoints", discussionPoints);
            if (team != null) {
                for (int i = 0; i < team.size(); i++) {
                    if (team.get(i) != null) {
                        out.put("team[" + i + "].role", team.get(i).role());
                    }
                }
            }
            out.values().removeIf(v -> v == null || v.isBlank());
            return out;
        }
    }

    public record BoardInput(@OneOf(Phase.class) String phase, @NotBlank @OneOf(BoardKind.class) String kind,
                             @NotBlank @Size(max = 2000) String body) {
    }

    /** The printed copy: the material and who printed it when (shown on every page of the copy). */
    public record PrintView(ConferenceViews.ConferenceSummary summary, CaseView sheet, List<BoardPhase> board,
                            String viewerName, Instant printedAt) {
    }

    @Inject
    Validator validator;

    @Inject
    InputCheck inputs;

    static final int MAX_TEAM = 16;

    @Inject
    ConferenceAccess access;

    @Inject
    IdentifierGuard guard;

    @Inject
    NameLookup names;

    @Inject
    ConferenceService conferences;

    @Inject
    BoardNotices notices;

    // ---------------------------------------------------------------- case sheet

    @WithTransaction
    public Uni<CaseView> caseSheet(Viewer viewer, long id) {
        return access.material(viewer, id, CasePart.CASE, false).chain(l -> logRead(viewer, id, ConferenceTerms.ReadPart.CASE).chain(() -> caseOf(id)));
    }

    Uni<CaseView> caseOf(long id) {
        return CaseSheet.<CaseSheet>findById(id).chain(sheet -> {
            if (sheet == null) {
                return Uni.createFrom().item(new CaseView(null, null, null, null, null, null, null, null, null, null, null,
                        List.of(), null, null, 0));
            }
            return CaseTeamMember.<CaseTeamMember>list("conferenceId = ?1 order by position", id)
                    .chain(team -> names.people(sheet.updatedBy == null ? List.of() : List.of(sheet.updatedBy)).map(people ->
                            new CaseView(sheet.ageBand == null ? null : sheet.ageBand.intValue(), Values.name(sheet.sex), Values.name(sheet.certificateType),
                                    sheet.certificateGrade, Values.name(sheet.diagnosis), sheet.household, sheet.referralRoute,
                                    sheet.presentingProblem, sheet.factors, sheet.actionsOutcomes, sheet.discussionPoints,
                                    team.stream().map(t -> new TeamMemberView(t.agencyType.name(), t.role, t.frequency.name(), t.relation.name())).toList(),
                                    sheet.updatedAt, people.containsKey(sheet.updatedBy) ? people.get(sheet.updatedBy).name() : null,
                                    sheet.version)));
        });
    }

    /** The field rules (Bean Validation), then the two code lists Bean Validation cannot name. */
    static void validate(Validator validator, CaseInput in, Params p) {
        Violations.check(validator, in, p);
        if (in.ageBand() != null && !ConferenceTerms.AGE_BANDS.contains(in.ageBand())) {
            p.error("ageBand", "unknown-value");
        }
        if (in.certificateGrade() != null && !in.certificateGrade().isBlank()
                && !ConferenceTerms.GRADES.contains(in.certificateGrade())) {
            p.error("certificateGrade", "unknown-value");
        }
    }


    @WithTransaction
    public Uni<CaseView> saveCase(Viewer viewer, long id, CaseInput in) {
        if (in == null) {
            throw ProblemException.field("body", "required");
        }
        Params p = new Params();
        validate(validator, in, p);
        p.check();
        return access.material(viewer, id, CasePart.CASE, true).chain(l -> guard.require(viewer, in.texts()))
                .chain(() -> CaseSheet.<CaseSheet>findById(id))
                .chain(sheet -> {
                    int stored = sheet == null ? 0 : sheet.version;
                    if (Versions.stale(stored, in.version())) {
                        return Versions.conflict(caseOf(id));
                    }
                    CaseSheet s = sheet == null ? new CaseSheet() : sheet;
                    s.conferenceId = id;
                    s.ageBand = in.ageBand() == null ? null : in.ageBand().shortValue();
                    s.sex = Values.code(Sex.class, in.sex());
                    s.certificateType = Values.code(CertificateType.class, in.certificateType());
                    s.certificateGrade = blank(in.certificateGrade());
                    s.diagnosis = Values.code(Diagnosis.class, in.diagnosis());
                    s.household = blank(in.household());
                    s.referralRoute = blank(in.referralRoute());
                    s.presentingProblem = blank(in.presentingProblem());
                    s.factors = blank(in.factors());
                    s.actionsOutcomes = blank(in.actionsOutcomes());
                    s.discussionPoints = blank(in.discussionPoints());
                    s.updatedBy = viewer.accountId();
                    s.updatedAt = Instant.now();
                    s.version = stored + 1;
                    return s.<CaseSheet>persistAndFlush()
                            .chain(saved -> CaseTeamMember.delete("conferenceId", id))
                            
                            .chain(() -> saveTeam(id, in.team()))
                            .chain(() -> caseOf(id));
                });
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private Uni<Void> saveTeam(long id, List<TeamInput> team) {
        List<CaseTeamMember> rows = new ArrayList<>();
        if (team != null) {
            for (int i = 0; i < team.size(); i++) {
                TeamInput t = team.get(i);
                CaseTeamMember m = new CaseTeamMember();
                m.conferenceId = id;
                m.position = (short) i;
                m.agencyType = Values.code(AgencyType.class, t.agencyType());
                m.role = blank(t.role());
                m.frequency = Values.code(Frequency.class, t.frequency());
                m.relation = Values.code(Relation.class, t.relation());
                rows.add(m);
            }
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : CaseTeamMember.persist(rows);
    }

    // ---------------------------------------------------------------- board

    @WithTransaction
    public Uni<List<BoardPhase>> board(Viewer viewer, long id) {
        return access.material(viewer, id, CasePart.BOARD, false).chain(l -> logRead(viewer, id, ConferenceTerms.ReadPart.BOARD).chain(() -> boardOf(id)));
    }

    Uni<List<BoardPhase>> boardOf(long id) {
        return ConferencePhase.<ConferencePhase>list("conferenceId = ?1 order by position", id)
                .chain(phases -> BoardEntry.<BoardEntry>list("conferenceId = ?1 order by id", id)
                        .chain(entries -> names.people(entries.stream().map(e -> e.createdBy).collect(Collectors.toSet()))
                                .map(people -> {
                                    Map<String, List<BoardEntryView>> byPhase = new LinkedHashMap<>();
                                    phases.forEach(ph -> byPhase.putIfAbsent(ph.phase.name(), new ArrayList<>()));
                                    for (BoardEntry e : entries) {
                                        byPhase.computeIfAbsent(e.phase.name(), k -> new ArrayList<>()).add(new BoardEntryView(e.id,
                                                e.phase.name(), e.kind.name(), e.body, people.containsKey(e.createdBy)
                                                ? people.get(e.createdBy).name() : null, e.createdAt));
                                    }
                                    return byPhase.entrySet().stream().map(en -> new BoardPhase(en.getKey(), en.getValue())).toList();
                                })));
    }

    @WithTransaction
    public Uni<BoardEntryView> addBoardEntry(Viewer viewer, long id, BoardInput in) {
        if (in == null) {
            throw ProblemException.field("body", "required");
        }
        inputs.require(in);
        return access.material(viewer, id, CasePart.BOARD, true).chain(l -> guard.require(viewer, Map.of("body", in.body()))
                .chain(() -> ConferencePhase.<ConferencePhase>list("conferenceId = ?1 order by position", id))
                .chain(phases -> {
                    String phase = in.phase();
                    if (phase == null) {
                        Short cur = l.conference().currentPhase;
                        phase = phases.isEmpty() ? Phase.DISCUSSION.name()
                                : phases.get(cur == null || cur >= phases.size() ? 0 : cur).phase.name();
                    } else if (phases.stream().noneMatch(ph -> ph.phase.name().equals(in.phase()))) {
                        throw ProblemException.field("phase", "unknown-value");
                    }
                    BoardEntry e = new BoardEntry();
                    e.conferenceId = id;
                    e.phase = Values.code(Phase.class, phase);
                    e.kind = Values.code(BoardKind.class, in.kind());
                    e.body = in.body().strip();
                    e.createdBy = viewer.accountId();
                    e.createdAt = Instant.now();
                    return e.<BoardEntry>persistAndFlush().call(() -> notices.changed(id));
                })
                .map(e -> new BoardEntryView(e.id, e.phase.name(), e.kind.name(), e.body, viewer.displayName(), e.createdAt)));
    }

    @WithTransaction
    public Uni<Void> deleteBoardEntry(Viewer viewer, long id, long entryId) {
        return access.material(viewer, id, CasePart.BOARD, true).chain(l -> BoardEntry.delete("id = ?1 and conferenceId = ?2", entryId, id))
                .chain(n -> {
                    if (n == 0) {
                        throw ProblemException.notFound();
                    }
                    return notices.changed(id);
                });
    }

    /**
     * The board as a live socket shows it to this viewer: the policy asked as for the page, the
     * conference as they see it (their role's controls), the entries, and which of them they wrote.
     * The first read of a connection is logged ({@code log}); what follows on it is not logged again.
     */
    public record LiveView(ConferenceViews.ConferenceDetail detail, List<BoardPhase> board, long remainingSeconds,
                           Set<Long> mine) {
    }

    /**
     * Reads the board for a live socket and hands it to {@code send} inside the same transaction,
     * with the session, the conference and the attendee row held FOR SHARE: sign-out, removal,
     * deletion and phase moves wait for the send, so what is sent is what the policy allows when
     * it is sent. The connection's read-log row was written before ({@link #logLiveRead}).
     */
    @WithTransaction
    public Uni<Void> liveBoard(Viewer viewer, long id, java.util.function.Function<LiveView, Uni<Void>> send) {
        return sessionHeld(viewer)
                .chain(() -> access.materialHeld(viewer, id, CasePart.BOARD))
                .chain(l -> conferences.detailOf(viewer, l))
                .chain(detail -> boardOf(id).chain(board -> BoardEntry.<BoardEntry>list("conferenceId = ?1 and createdBy = ?2",
                        id, viewer.accountId()).map(own -> new LiveView(detail, board, remaining(detail.run(), Instant.now()),
                        own.stream().map(e -> e.id).collect(Collectors.toSet())))))
                .chain(view -> send.apply(view));
    }

    /**
     * The read-log row of a live connection, committed before anything is sent on it (a send cannot
     * be undone, a log row can stand for a read that a failure then cut short).
     */
    @WithTransaction
    public Uni<Void> logLiveRead(Viewer viewer, long id) {
        return access.material(viewer, id, CasePart.BOARD, false).chain(l -> logRead(viewer, id, ConferenceTerms.ReadPart.BOARD));
    }

    /** The viewer's session, still live, held until the transaction ends (401 once it ended). */
    private Uni<Void> sessionHeld(Viewer viewer) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT s.id::text FROM auth_session s JOIN account a ON a.id = s.account_id WHERE s.id = ?1"
                                + " AND s.account_id = ?2 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.active"
                                + " FOR SHARE OF s", String.class)
                .setParameter(1, viewer.sessionId()).setParameter(2, viewer.accountId()).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.unauthorized();
                    }
                    return null;
                });
    }

    /** Whether the viewer may still watch the board live (the policy's decision as for the page; nothing logged). */
    @WithSession
    public Uni<Void> liveCheck(Viewer viewer, long id) {
        return access.material(viewer, id, CasePart.BOARD, false).replaceWithVoid();
    }

    /** Whole seconds left in the current phase at {@code now} (negative in overtime, 0 when none runs). */
    static long remaining(ConferenceViews.PhaseView run, Instant now) {
        return run == null || run.endsAt() == null ? 0 : java.time.Duration.between(now, run.endsAt()).getSeconds();
    }

    // ---------------------------------------------------------------- read log and print

    Uni<Void> logRead(Viewer viewer, long id, ConferenceTerms.ReadPart what) {
        ConferenceRead r = new ConferenceRead();
        r.conferenceId = id;
        r.accountId = viewer.accountId();
        r.what = what;
        r.readAt = Instant.now();
        return r.persist().replaceWithVoid();
    }

    @WithSession
    public Uni<List<ReadView>> accessLog(Viewer viewer, long id) {
        return access.material(viewer, id, CasePart.LOG, false).chain(l -> ConferenceRead.<ConferenceRead>list(
                "conferenceId = ?1 order by readAt desc, id desc", id).chain(reads -> ConferenceAttendee.<ConferenceAttendee>list(
                "conferenceId = ?1 and removedAt is null", id).chain(current -> {
            Set<Long> still = current.stream().map(a -> a.accountId).collect(Collectors.toSet());
            return names.people(reads.stream().map(r -> r.accountId).collect(Collectors.toSet())).map(people -> reads.stream()
                    .map(r -> new ReadView(people.containsKey(r.accountId) ? people.get(r.accountId).name() : "",
                            r.what.name(), r.readAt, still.contains(r.accountId))).toList());
        })));
    }

    /** The printed copy (logged as PRINT): case sheet and board, marked with the viewer's name and the time. */
    @WithTransaction
    public Uni<PrintView> print(Viewer viewer, long id) {
        return access.material(viewer, id, CasePart.CASE, false).chain(l -> logRead(viewer, id, ConferenceTerms.ReadPart.PRINT)
                .chain(() -> caseOf(id)).chain(sheet -> boardOf(id).map(board -> new PrintView(
                        ConferenceService.summary(l.conference(), l.me(), null), sheet, board, viewer.displayName(), Instant.now()))));
    }
}

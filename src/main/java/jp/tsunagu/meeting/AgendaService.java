package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Account;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.AgendaItemView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.TemplateView;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A meeting's agenda (ordered items, time total checked against the meeting's length) and agenda templates. */
@ApplicationScoped
public class AgendaService {

    public record AgendaInput(@NotNull Integer version,
                              @Size(max = 40, message = "range") List<@NotNull @Valid AgendaItemView> items) {
    }

    public record TemplateApply(@NotNull Long templateId, @NotNull Integer version) {
    }

    public record TemplateSave(String name) {
    }

    @Inject
    InputCheck inputs;

    @Inject
    MeetingAccess access;

    @Inject
    NameLookup names;

    @Inject
    ActionService actions;

    @WithSession
    public Uni<AgendaView> agenda(Viewer viewer, long meetingId) {
        return access.visible(viewer, meetingId).chain(l -> agendaOf(viewer, l));
    }

    Uni<AgendaView> agendaOf(Viewer viewer, Loaded l) {
        return actions.carried(viewer, l).chain(carried -> agendaOf(viewer, l, carried, Map.of()));
    }

    /** The agenda from facts already loaded: the meeting with its access facts, the items carried from earlier meetings. */
    Uni<AgendaView> agendaOf(Viewer viewer, Loaded l, List<ActionView> carried, Map<Long, OrgRef> known) {
        Meeting m = l.meeting();
        return AgendaItem.<AgendaItem>list("meetingId = ?1 order by position", m.id).chain(items -> {
            List<Long> orgIds = items.stream().map(i -> i.presenterOrgId).toList();
            List<Long> people = items.stream().map(i -> i.presenterAccountId).toList();
            return names.orgs(orgIds, viewer.locale(), known).chain(orgs -> names.people(people).map(ps -> {
                        List<AgendaItemView> views = items.stream().map(i -> new AgendaItemView(i.position, i.itemType.name(),
                                i.title, i.minutes, i.presenterOrgId, i.presenterAccountId,
                                i.presenterAccountId != null && ps.get(i.presenterAccountId) != null ? ps.get(i.presenterAccountId).name()
                                        : i.presenterOrgId != null && orgs.get(i.presenterOrgId) != null
                                        ? orgs.get(i.presenterOrgId).name() : null, i.notes)).toList();
                        int total = items.stream().mapToInt(i -> i.minutes).sum();
                        int length = MeetingTimes.lengthMinutes(m);
                        return new AgendaView(m.id, m.agendaVersion, views, total, length, length > 0 && total > length,
                                carried);
                    }));
        });
    }

    @WithTransaction
    public Uni<AgendaView> replace(Viewer viewer, long meetingId, AgendaInput in) {
        inputs.require(in);
        List<AgendaItemView> items = in.items() == null ? List.of() : in.items();
        return access.editable(viewer, meetingId).chain(l -> {
            Meeting m = l.meeting();
            if (Versions.stale(m.agendaVersion, in.version())) {
                return Versions.conflict(agendaOf(viewer, l));
            }
            return checkPresenters(items).chain(() -> store(l, items)).chain(() -> agendaOf(viewer, l));
        });
    }

    Uni<Void> checkPresenters(List<AgendaItemView> items) {
        Set<Long> orgs = new HashSet<>();
        Set<Long> people = new HashSet<>();
        items.forEach(i -> {
            if (i.presenterOrgId() != null) {
                orgs.add(i.presenterOrgId());
            }
            if (i.presenterAccountId() != null) {
                people.add(i.presenterAccountId());
            }
        });
        Uni<Long> o = orgs.isEmpty() ? Uni.createFrom().item(0L) : Organization.count("id in ?1", orgs);
        Uni<Long> a = people.isEmpty() ? Uni.createFrom().item(0L) : Account.count("id in ?1", people);
        return o.chain(no -> a.map(na -> {
            if (no != orgs.size()) {
                throw ProblemException.field("items", "presenter-unknown");
            }
            if (na != people.size()) {
                throw ProblemException.field("items", "presenter-unknown");
            }
            return null;
        }));
    }

    Uni<Void> store(Loaded l, List<AgendaItemView> items) {
        Meeting m = l.meeting();
        List<AgendaItem> fresh = new ArrayList<>();
        for (AgendaItemView v : items) {
            AgendaItem a = new AgendaItem();
            a.meetingId = m.id;
            a.position = fresh.size() + 1;
            a.itemType = Values.code(MeetingTerms.AgendaType.class, v.type());
            a.title = v.title().trim();
            a.minutes = v.minutes();
            a.presenterOrgId = v.presenterOrgId();
            a.presenterAccountId = v.presenterAccountId();
            a.notes = Values.blankToNull(v.notes());
            fresh.add(a);
        }
        m.agendaVersion++;
        m.updatedAt = Instant.now();
        return AgendaItem.<AgendaItem>list("meetingId", m.id).chain(old -> Rows.replace(old, fresh));
    }

    /** Replaces the agenda with a template's items (built in, or one of the viewer's organizations'). */
    @WithTransaction
    public Uni<AgendaView> applyTemplate(Viewer viewer, long meetingId, TemplateApply in) {
        inputs.require(in);
        return access.editable(viewer, meetingId).chain(l -> AgendaTemplate.<AgendaTemplate>findById(in.templateId())
                .chain(t -> {
                    if (t == null || !usable(viewer, t)) {
                        throw ProblemException.field("templateId", "unknown");
                    }
                    if (Versions.stale(l.meeting().agendaVersion, in.version())) {
                        return Versions.conflict(agendaOf(viewer, l));
                    }
                    return AgendaTemplateItem.<AgendaTemplateItem>list("templateId = ?1 order by position", t.id)
                            .chain(ts -> store(l, ts.stream().map(x -> new AgendaItemView(x.position, x.itemType.name(), x.title,
                                    x.minutes, null, null, null, null)).toList()))
                            .chain(() -> agendaOf(viewer, l));
                }));
    }

    /** Copies agenda items (type, title, minutes, presenter organization) to another meeting, keeping their order. */
    static List<AgendaItem> copy(List<AgendaItem> items, long meetingId) {
        List<AgendaItem> out = new ArrayList<>();
        for (AgendaItem a : items) {
            AgendaItem c = new AgendaItem();
            c.meetingId = meetingId;
            c.position = a.position;
            c.itemType = a.itemType;
            c.title = a.title;
            c.minutes = a.minutes;
            c.presenterOrgId = a.presenterOrgId;
            out.add(c);
        }
        return out;
    }

    static boolean usable(Viewer viewer, AgendaTemplate t) {
        return t.ownerOrgId == null || viewer.memberOf(t.ownerOrgId) || viewer.is(Role.NETWORK_ADMIN);
    }

    @WithSession
    public Uni<List<TemplateView>> templates(Viewer viewer) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return AgendaTemplate.<AgendaTemplate>list("order by ownerOrgId nulls first, id").chain(ts -> {
            List<AgendaTemplate> mine = ts.stream().filter(t -> usable(viewer, t)).toList();
            if (mine.isEmpty()) {
                return Uni.createFrom().item(List.<TemplateView>of());
            }
            return AgendaTemplateItem.<AgendaTemplateItem>list("templateId in ?1 order by templateId, position",
                    mine.stream().map(t -> t.id).toList()).map(items -> mine.stream().map(t -> new TemplateView(t.id, t.name,
                    Values.name(t.kind), t.ownerOrgId != null, items.stream().filter(i -> i.templateId.equals(t.id))
                    .map(i -> new AgendaItemView(i.position, i.itemType.name(), i.title, i.minutes, null, null, null, null)).toList()))
                    .toList());
        });
    }

    /** Saves the meeting's agenda as a template owned by the organizer's organization. */
    @WithTransaction
    public Uni<TemplateView> saveTemplate(Viewer viewer, long meetingId, TemplateSave in) {
        if (in.name() == null || in.name().isBlank()) {
            throw ProblemException.field("name", "required");
        }
        if (in.name().length() > 200) {
            throw ProblemException.field("name", "too-long");
        }
        return access.editable(viewer, meetingId).chain(l -> {
            Long owner = l.organizerIds().stream().filter(viewer::memberOf).findFirst()
                    .orElse(viewer.organizationIds().stream().findFirst().orElse(null));
            return AgendaItem.<AgendaItem>list("meetingId = ?1 order by position", meetingId).chain(items -> {
                if (items.isEmpty()) {
                    throw ProblemException.field("name", "agenda-empty");
                }
                AgendaTemplate t = new AgendaTemplate();
                t.name = in.name().trim();
                t.kind = l.meeting().kind;
                t.ownerOrgId = owner;
                t.createdBy = viewer.accountId();
                t.createdAt = Instant.now();
                return t.<AgendaTemplate>persistAndFlush().chain(saved -> {
                    List<AgendaTemplateItem> rows = new ArrayList<>();
                    for (AgendaItem a : items) {
                        AgendaTemplateItem r = new AgendaTemplateItem();
                        r.templateId = saved.id;
                        r.position = a.position;
                        r.itemType = a.itemType;
                        r.title = a.title;
                        r.minutes = a.minutes;
                        rows.add(r);
                    }
                    return Rows.persistAll(rows).chain(Panache::flush).map(x -> new TemplateView(saved.id,
                            saved.name, Values.name(saved.kind), true, items.stream().map(a -> new AgendaItemView(a.position, a.itemType.name(),
                            a.title, a.minutes, null, null, null, null)).toList()));
                });
            });
        });
    }
}

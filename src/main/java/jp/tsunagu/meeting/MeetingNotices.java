package jp.tsunagu.meeting;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.time.JapaneseCalendar;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Tells invitees about a meeting: an in-app notification for people with an account, and a
 * bilingual e-mail for everyone (with the meeting as an .ics file when it has a date). People
 * without an account get a fresh personal link in each mail. Prepare inside the transaction,
 * send after it has committed.
 */
@ApplicationScoped
public class MeetingNotices {

    private static final Logger LOG = Logger.getLogger(MeetingNotices.class);

    /** The kinds of notice; each has subject/body messages {@code meeting-mail.<kind>.subject|body}. */
    public enum Kind { INVITATION, POLL, CONFIRMED, CHANGED, CANCELLED, REMINDER, MINUTES, PROMOTED,
        /** the draft minutes out for the attendees' sign-off */
        MINUTES_DRAFT }

    /** A prepared mail; {@code ics} is its iTIP attachment, {@code method} REQUEST or CANCEL. */
    public record OutMail(String to, String subject, String body, byte[] ics, String method) {
    }

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotificationService notifications;

    @Inject
    NameLookup names;

    @Inject
    ViewerService viewers;

    @Inject
    AccessPolicy policy;

    @Inject
    MailQuota quota;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    /**
     * Prepares the notices for some invitees: rotates the personal link of those without an
     * account, stores in-app notifications for those with one. Call inside the transaction.
     */
    public Uni<List<OutMail>> prepare(Meeting m, List<MeetingVenue> venues, List<Invitee> targets, Kind kind) {
        return hosts(m).chain(hosts -> prepare(m, venues, targets, kind, hosts));
    }

    /**
     * The organizations that host a meeting, as every mail names them plainly (so a mail from the
     * platform's sender always says who sent the invitation).
     */
    Uni<String> hosts(Meeting m) {
        return MeetingOrganizer.<MeetingOrganizer>list("meetingId = ?1 and consentedAt is not null", m.id)
                .chain(rows -> names.orgs(rows.stream().map(o -> o.organizationId).toList(), Messages.JA))
                .map(orgs -> String.join("、", orgs.values().stream().map(o -> o.name()).sorted().toList()));
    }

    private Uni<List<OutMail>> prepare(Meeting m, List<MeetingVenue> venues, List<Invitee> all, Kind kind, String hosts) {
        List<Long> holders = all.stream().filter(i -> i.accountId != null).map(i -> i.accountId).toList();
        // people with an account get mail only where the policy lets them see what it is about;
        // people without one hold their personal link, which is theirs by itself
        return mayBeTold(holders, kind, m).chain(ok -> {
            List<Invitee> targets = all.stream().filter(i -> i.accountId == null || ok.contains(i.accountId)).toList();
            // notices an organizer causes (a change, a confirmation, a cancellation) count against the host's budget
            boolean charged = kind == Kind.CHANGED || kind == Kind.CONFIRMED || kind == Kind.CANCELLED;
            return (charged ? quota.charge(m, targets.size()) : Uni.createFrom().voidItem())
                    .chain(() -> prepareFor(m, venues, targets, kind, hosts));
        });
    }

    private Uni<List<OutMail>> prepareFor(Meeting m, List<MeetingVenue> venues, List<Invitee> targets, Kind kind, String hosts) {
        List<OutMail> mails = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        CalendarFiles.Event event = m.startsAt == null ? null : event(m, venues);
        for (Invitee i : targets) {
            String link;
            if (i.accountId != null) {
                accounts.add(i.accountId);
                link = baseUrl + "/meetings/" + m.id;
            } else {
                String token = SecretTokens.newToken();
                i.previousTokenHash = i.tokenHash;
                i.tokenHash = SecretTokens.hash(token);
                link = baseUrl + "/p/" + token;
            }
            mails.add(mail(m, venues, i, kind, link, event, hosts));
        }
        return inApp(accounts, kind, m).map(x -> mails);
    }

    /**
     * In-app notifications about a meeting for some accounts; call inside the transaction. Each
     * recipient is asked for by the policy (the meeting, or its published minutes for MINUTES): a
     * notification names the meeting, so nobody the policy keeps out is told of it.
     */
    public Uni<Void> inApp(List<Long> accountIds, Kind kind, Meeting m) {
        return mayBeTold(accountIds, kind, m).chain(ok -> notifications.notifyAccounts(ok,
                "meeting-notice." + kind.name().toLowerCase(Locale.ROOT), "/meetings/" + m.id, m.title));
    }

    /** The accounts among these that the policy lets see what the notice is about. */
    Uni<List<Long>> mayBeTold(Collection<Long> accountIds, Kind kind, Meeting m) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return MeetingOrganizer.<MeetingOrganizer>list("meetingId", m.id).chain(orgs -> Invitee.<Invitee>list(
                "meetingId = ?1 and revokedAt is null and accountId in ?2", m.id, accountIds).chain(invs ->
                viewers.forAccounts(accountIds).map(vs -> {
                    List<Long> out = new ArrayList<>();
                    for (Viewer v : vs) {
                        MeetingAccess.Loaded l = MeetingAccess.Loaded.of(m, orgs, invs.stream()
                                .filter(i -> i.accountId.equals(v.accountId())).findFirst().orElse(null));
                        // the draft's recipients are its attendees, chosen as such by the caller
                        Resource about = kind == Kind.MINUTES ? l.minutes() : kind == Kind.MINUTES_DRAFT
                                ? l.attended(true).minutes() : l.resource();
                        if (policy.permits(v, Action.VIEW, about)) {
                            out.add(v.accountId());
                        }
                    }
                    return out;
                })));
    }

    /** The first mail of a person without an account carries the token just issued. */
    OutMail firstMail(Meeting m, List<MeetingVenue> venues, Invitee i, String token, Kind kind, String hosts) {
        String link = i.accountId != null ? baseUrl + "/meetings/" + m.id : baseUrl + "/p/" + token;
        return mail(m, venues, i, kind, link, m.startsAt == null ? null : event(m, venues), hosts);
    }

    private OutMail mail(Meeting m, List<MeetingVenue> venues, Invitee i, Kind kind, String link, CalendarFiles.Event event,
                         String hosts) {
        String k = "meeting-mail." + kind.name().toLowerCase(Locale.ROOT);
        String subject = Messages.get(Messages.JA, k + ".subject", m.title) + " / " + Messages.get(Messages.EN, k + ".subject", m.title);
        String body = text(Messages.JA, m, venues, i, k, link, hosts) + "\n\n----\n\n" + text(Messages.EN, m, venues, i, k, link, hosts);
        if (event == null || kind == Kind.POLL || kind == Kind.MINUTES || kind == Kind.MINUTES_DRAFT) {
            return new OutMail(i.email, subject, body, null, null);
        }
        // one attendee per file: each mail names its own recipient, never the others invited
        byte[] ics = CalendarFiles.invitation(event, new CalendarFiles.Parties(hosts == null || hosts.isBlank() ? "Tsunagu" : hosts,
                senderAddress(), i.name, i.email));
        return new OutMail(i.email, subject, body, ics, event.cancelled() ? "CANCEL" : "REQUEST");
    }

    /** The platform's sending address, the ORGANIZER of every invitation (hosts named in its CN). */
    String senderAddress() {
        int lt = from.indexOf('<');
        int gt = from.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? from.substring(lt + 1, gt).trim() : from.trim();
    }

    private static String text(Locale l, Meeting m, List<MeetingVenue> venues, Invitee i, String key, String link, String hosts) {
        StringBuilder b = new StringBuilder();
        b.append(Messages.get(l, key + ".body", i.name, m.title)).append("\n\n");
        if (hosts != null && !hosts.isBlank()) {
            b.append(Messages.get(l, "meeting-mail.host", hosts)).append('\n');
        }
        if (m.startsAt != null) {
            b.append(Messages.get(l, "meeting-mail.when", when(l, m))).append('\n');
        }
        for (MeetingVenue v : venues) {
            b.append(Messages.get(l, "meeting-mail.where", v.name + (v.address == null ? "" : "（" + v.address + "）"))).append('\n');
        }
        if (m.onlineUrl != null) {
            b.append(Messages.get(l, "meeting-mail.online", m.onlineUrl)).append('\n');
            b.append(Messages.get(l, "meeting-mail.online-host", hostOf(m.onlineUrl))).append('\n');
        }
        b.append('\n').append(Messages.get(l, "meeting-mail.link", link));
        return b.toString();
    }

    /** The host part of a URL, as a reader should check it (an IDN shown as written by its owner, punycode kept). */
    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static String when(Locale l, Meeting m) {
        LocalDateTime s = MeetingTimes.local(m.startsAt);
        LocalDateTime e = MeetingTimes.local(m.endsAt);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        String end = e.toLocalDate().equals(s.toLocalDate()) ? hm.format(e)
                : JapaneseCalendar.date(e.toLocalDate(), l) + " " + hm.format(e);
        return JapaneseCalendar.date(s.toLocalDate(), l) + " " + hm.format(s) + "–" + end
                + ("en".equals(l.getLanguage()) ? " JST" : "");
    }

    CalendarFiles.Event event(Meeting m, List<MeetingVenue> venues) {
        return new CalendarFiles.Event(m.id, m.version, m.title, m.startsAt.atZone(JapaneseCalendar.TOKYO),
                m.endsAt.atZone(JapaneseCalendar.TOKYO),
                venues.stream().map(v -> v.address == null ? v.name : v.name + " " + v.address).toList(), m.onlineUrl,
                baseUrl + "/meetings/" + m.id, m.status == MeetingTerms.Status.CANCELLED);
    }

    /** Sends prepared mails one by one; a failure is logged and does not undo anything. */
    public Uni<Void> send(List<OutMail> mails) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutMail o : mails) {
            Mail mail = Mail.withText(o.to(), o.subject(), o.body());
            if (o.ics() != null) {
                mail.addAttachment("meeting.ics", o.ics(), "text/calendar; charset=UTF-8; method=" + o.method());
            }
            chain = chain.chain(() -> mailer.send(mail)
                    .onFailure().invoke(e -> LOG.warnf("Meeting mail to %s failed: %s", o.to(), e.getMessage()))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }

    /** Everyone still invited who has not declined, for a notice about the meeting itself. */
    Uni<List<OutMail>> toInvitees(Meeting m, Kind kind) {
        return MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", m.id)
                .chain(venues -> Invitee.<Invitee>list("meetingId = ?1 and revokedAt is null and response <> 'DECLINED'"
                        + " order by id", m.id).chain(invs -> prepare(m, venues, invs, kind)));
    }

    /** A transaction's result with the mails to send once it has committed. */
    public record Sent<T>(T value, List<OutMail> mails) {
        static <T> Sent<T> none(T value) {
            return new Sent<>(value, List.of());
        }
    }

    /** Sends a committed result's mails and hands on its value. */
    public <T> Uni<T> deliver(Sent<T> sent) {
        return send(sent.mails()).replaceWith(sent.value());
    }
}

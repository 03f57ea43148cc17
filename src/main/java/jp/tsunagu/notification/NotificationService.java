package jp.tsunagu.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Tells the people of some organizations about an event: one in-app notification per active
 * account (in the caller's transaction) and, after commit, one bilingual e-mail per account.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    @TemplateData
    public record Item(long id, String title, String link, Instant createdAt, boolean unread) {
    }

    /** Who was told, so the caller can send the mails once its transaction has committed. */
    public record Outbox(List<String> emails, String subjectKey, String bodyKey, String link, Object[] args) {
    }

    @Inject
    ReactiveMailer mailer;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    /** Stores the notifications for every active account of the organizations; call inside a transaction. */
    public Uni<Outbox> notifyOrganizations(List<Long> organizationIds, String subjectKey, String bodyKey, String link,
                                           Object... args) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select distinct a.id, a.email from Account a, Membership m where m.accountId = a.id"
                                + " and m.organizationId in :orgs and a.active = true order by a.id", Object[].class)
                .setParameter("orgs", organizationIds).getResultList())
                .chain(rows -> {
                    List<String> emails = new ArrayList<>();
                    List<Notification> inbox = new ArrayList<>();
                    Instant now = Instant.now();
                    for (Object[] r : rows) {
                        Notification n = new Notification();
                        n.accountId = (Long) r[0];
                        n.titleJa = cut(Messages.get(Messages.JA, subjectKey, args));
                        n.titleEn = cut(Messages.get(Messages.EN, subjectKey, args));
                        n.link = link;
                        n.createdAt = now;
                        emails.add((String) r[1]);
                        inbox.add(n);
                    }
                    return Rows.persistAll(inbox).map(x -> new Outbox(emails, subjectKey, bodyKey, link, args));
                });
    }

    /**
     * Tells some people (active accounts among {@code accountIds}) of an event: in-app now, by mail once
     * the caller's transaction has committed ({@link #send}); call inside a transaction.
     */
    public Uni<Outbox> notifyPeople(Collection<Long> accountIds, String subjectKey, String bodyKey, String link,
                                    Object... args) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(new Outbox(List.of(), subjectKey, bodyKey, link, args));
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.id, a.email from Account a where a.id in :ids and a.active = true order by a.id", Object[].class)
                .setParameter("ids", accountIds).getResultList())
                .chain(rows -> notifyAccounts(rows.stream().map(r -> (Long) r[0]).toList(), subjectKey, link, args)
                        .map(x -> new Outbox(rows.stream().map(r -> (String) r[1]).toList(), subjectKey, bodyKey, link, args)));
    }

    /** In-app only, for the active accounts among {@code accountIds} (a deactivated one is told nothing); call inside a transaction. */
    public Uni<Void> notifyPeopleInApp(Collection<Long> accountIds, String subjectKey, String link, Object... args) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.id from Account a where a.id in :ids and a.active = true order by a.id", Long.class)
                .setParameter("ids", accountIds).getResultList())
                .chain(ids -> notifyAccounts(ids, subjectKey, link, args));
    }

    /** Stores one in-app notification per account (mail is the caller's); call inside a transaction. */
    public Uni<Void> notifyAccounts(Collection<Long> accountIds, String subjectKey, String link, Object... args) {
        List<Notification> inbox = new ArrayList<>();
        Instant now = Instant.now();
        for (Long id : new LinkedHashSet<>(accountIds)) {
            Notification n = new Notification();
            n.accountId = id;
            n.titleJa = cut(Messages.get(Messages.JA, subjectKey, args));
            n.titleEn = cut(Messages.get(Messages.EN, subjectKey, args));
            n.link = link;
            n.createdAt = now;
            inbox.add(n);
        }
        return Rows.persistAll(inbox);
    }

    /** Sends the mails of an outbox; a mail failure is logged and does not undo the event. */
    public Uni<Void> send(Outbox outbox) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String to : outbox.emails()) {
            Object[] withLink = append(outbox.args(), baseUrl + outbox.link());
            String subject = Messages.get(Messages.JA, outbox.subjectKey(), outbox.args()) + " / "
                    + Messages.get(Messages.EN, outbox.subjectKey(), outbox.args());
            String body = Messages.get(Messages.JA, outbox.bodyKey(), withLink) + "\n\n----\n\n"
                    + Messages.get(Messages.EN, outbox.bodyKey(), withLink);
            chain = chain.chain(() -> mailer.send(Mail.withText(to, subject, body))
                    .onFailure().invoke(e -> LOG.warnf("Notification mail to %s failed: %s", to, e.getMessage()))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }

    @WithSession
    public Uni<List<Item>> recent(Viewer viewer, int limit) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return Notification.<Notification>find("accountId = ?1 order by createdAt desc, id desc", viewer.accountId())
                .page(0, limit).list()
                .map(list -> list.stream().map(n -> new Item(n.id, en(viewer.locale()) ? n.titleEn : n.titleJa, n.link,
                        n.createdAt, n.readAt == null)).toList());
    }

    /** Marks one of the viewer's notifications read; another person's answers 404. */
    @WithTransaction
    public Uni<Void> markRead(Viewer viewer, long id) {
        return Notification.<Notification>findById(id).map(n -> {
            if (n == null || !n.accountId.equals(viewer.accountId())) {
                throw ProblemException.notFound();
            }
            if (n.readAt == null) {
                n.readAt = Instant.now();
            }
            return null;
        });
    }

    private static boolean en(Locale l) {
        return "en".equals(l.getLanguage());
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    private static Object[] append(Object[] args, Object extra) {
        Object[] out = new Object[args.length + 1];
        System.arraycopy(args, 0, out, 0, args.length);
        out[args.length] = extra;
        return out;
    }
}

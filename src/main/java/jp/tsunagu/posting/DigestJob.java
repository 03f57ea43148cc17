package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.posting.PostingViews.PostingSummary;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The weekly digest (replacing the group mail): every Monday morning each circle member who has
 * not opted out gets the postings and internship slots shared in their circles during the past
 * week — built with that person's own rights (the same search and scope), never another
 * organization's do-not-forward posting's text beyond the circle it reached. One row per person
 * and ISO week in {@code digest_delivery}, claimed with INSERT … ON CONFLICT DO NOTHING, makes it
 * once only even with several application instances.
 */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);
    /** The most postings one digest lists (the rest are a click away). */
    static final int MAX_ITEMS = 30;

    @Inject
    PostingSearch search;

    @Inject
    ViewerService viewers;

    @Inject
    ReactiveMailer mailer;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    @Scheduled(cron = "{tsunagu.jobs.digest.cron}", timeZone = "Asia/Tokyo", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(JapaneseCalendar.today()).replaceWithVoid();
    }

    /** The ISO week a day belongs to, as the period key (2026-W48). */
    static String period(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Sends the digests of the week that {@code day} is in; answers how many mails went out. */
    public Uni<Integer> run(LocalDate day) {
        String period = period(day);
        LocalDate since = day.minusDays(7);
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT DISTINCT a.id FROM account a JOIN membership m ON m.account_id = a.id"
                                + " JOIN circle_member cm ON cm.organization_id = m.organization_id"
                                + " WHERE a.active AND a.posting_digest AND a.role NOT IN ('sysadmin', 'advisor') ORDER BY a.id",
                        Long.class).getResultList()))
                .chain(ids -> Multi.createFrom().iterable(ids).onItem()
                        .transformToUniAndConcatenate(id -> one(id, period, since).onFailure().recoverWithItem(e -> {
                            LOG.warnf("Digest for account %d failed: %s", id, e.getMessage());
                            return 0;
                        }))
                        .collect().asList().map(sent -> sent.stream().mapToInt(Integer::intValue).sum()));
    }

    /** One person's digest: claimed first (once per period), then built with their rights, then mailed. */
    Uni<Integer> one(long accountId, String period, LocalDate since) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO digest_delivery (account_id, period) VALUES (?1, ?2) ON CONFLICT DO NOTHING RETURNING account_id",
                        Long.class).setParameter(1, accountId).setParameter(2, period).getResultList())
                .chain(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item((Mail) null);
                    }
                    return viewers.forAccount(accountId).chain(v -> items(v, since).chain(items -> {
                        if (items.isEmpty()) {
                            return Uni.createFrom().item((Mail) null);
                        }
                        return logDigest(v, items).chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                        "UPDATE digest_delivery SET items = ?1 WHERE account_id = ?2 AND period = ?3")
                                .setParameter(1, items.size()).setParameter(2, accountId).setParameter(3, period)
                                .executeUpdate())).map(x -> mail(v, period, items));
                    }));
                }))
                .chain(mail -> mail == null ? Uni.createFrom().item(0) : mailer.send(mail).map(x -> 1));
    }

    /** New open postings shared into the person's circles (and network-wide) since the day, not their own organization's. */
    Uni<List<PostingSummary>> items(Viewer v, LocalDate since) {
        if (!v.signedIn()) {
            return Uni.createFrom().item(List.of());
        }
        PostingSearch.Filters f = new PostingSearch.Filters("", null, null, null, null, null, null, null, false, null, null,
                null, since, false, PostingTerms.Sort.NEWEST, 0, MAX_ITEMS);
        return search.search(v, f).map(page -> page.items().stream().filter(p -> !ownedByViewer(v, p)).toList());
    }

    static boolean ownedByViewer(Viewer v, PostingSummary p) {
        return p.ownerId() != null && v.memberOf(p.ownerId());
    }

    /** Non-public postings sent in a digest are in their view log as DIGEST. */
    Uni<Void> logDigest(Viewer v, List<PostingSummary> items) {
        List<PostingViewEvent> events = new ArrayList<>();
        for (PostingSummary p : items) {
            if (!"NETWORK".equals(p.visibility())) {
                events.add(PostingViewEvent.of(v, p.id(), PostingTerms.ViewKind.DIGEST));
            }
        }
        return Rows.persistAll(events);
    }

    Mail mail(Viewer v, String period, List<PostingSummary> items) {
        Locale loc = v.locale();
        StringBuilder body = new StringBuilder(Messages.get(loc, "digest.mail.lead", v.displayName(), items.size())).append("\n\n");
        for (PostingSummary p : items) {
            body.append("■ ").append(p.title()).append('\n')
                    .append("  ").append(p.companyName()).append(" / ").append(p.prefecture())
                    .append(p.municipality() == null ? "" : " " + p.municipality()).append('\n')
                    .append("  ").append(Messages.get(loc, "digest.mail.shared-by", p.owner(), JapaneseCalendar.date(p.expiresOn(), loc)))
                    .append(p.doNotForward() ? "  " + Messages.get(loc, "postings.do-not-forward") : "").append('\n')
                    .append("  ").append(baseUrl).append("/postings/").append(p.id()).append("\n\n");
        }
        body.append(Messages.get(loc, "digest.mail.opt-out", baseUrl + "/postings#digest"));
        return Mail.withText(v.email(), Messages.get(loc, "digest.mail.subject", items.size(), period), body.toString());
    }
}

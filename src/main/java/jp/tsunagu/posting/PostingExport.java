package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.CsvText;
import jp.tsunagu.posting.PostingSearch.Filters;
import jp.tsunagu.posting.PostingViews.PostingSummary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CSV export of a search (UTF-8 with BOM): only what the viewer may see, and never another
 * organization's do-not-forward postings. Each exported non-public posting gets an EXPORT entry
 * in its view log; the export as a whole goes to the audit log.
 */
@ApplicationScoped
public class PostingExport {

    /** The most rows one export holds. */
    public static final int MAX_ROWS = 5000;

    @Inject
    PostingSearch search;

    @Inject
    AuditLog audit;

    @WithTransaction
    public Uni<String> export(Viewer viewer, Filters f, String ip) {
        Filters all = new Filters(f.q(), f.kind(), f.prefecture(), f.area(), f.category(), f.hoursMin(), f.hoursMax(),
                f.employmentType(), f.carving(), f.disability(), f.source(), f.circle(), f.since(), f.mine(), f.sort(), 0,
                MAX_ROWS);
        return search.search(viewer, all).chain(page -> {
            // the search rows carry all the export needs; another organization's do-not-forward ones stay out
            List<PostingSummary> kept = page.items().stream()
                    .filter(p -> !p.doNotForward() || viewer.memberOf(p.ownerId())).toList();
            List<PostingViewEvent> log = kept.stream().filter(p -> !"NETWORK".equals(p.visibility())
                    && !viewer.memberOf(p.ownerId())).map(p -> PostingViewEvent.of(viewer, p.id(), PostingTerms.ViewKind.EXPORT)).toList();
            return Rows.persistAll(log)
                    .chain(() -> audit.record(AuditType.POSTINGS_EXPORTED, viewer.accountId(), viewer.email(),
                            "postings", ip, "rows=" + kept.size()))
                    .map(x -> csv(kept, viewer.locale()));
        });
    }

    static String csv(List<PostingSummary> postings, Locale loc) {
        StringBuilder b = new StringBuilder(CsvText.BOM);
        b.append(CsvText.row(List.of("id", Messages.get(loc, "posting.field.kind"), Messages.get(loc, "posting.field.title"),
                Messages.get(loc, "posting.field.companyName"), Messages.get(loc, "posting.field.prefecture"),
                Messages.get(loc, "posting.field.municipality"), Messages.get(loc, "posting.field.jobCategory"),
                Messages.get(loc, "posting.field.employmentType"), Messages.get(loc, "posting.field.hoursPerWeek"),
                Messages.get(loc, "posting.field.wageType"), Messages.get(loc, "posting.field.wageYen"),
                Messages.get(loc, "posting.field.source"), Messages.get(loc, "posting.field.helloWorkNumber"),
                Messages.get(loc, "posting.field.expiresOn"), Messages.get(loc, "posting.field.owner"))));
        for (PostingSummary p : postings) {
            b.append(CsvText.row(Arrays.asList(p.id(), Messages.get(loc, "posting-kind." + p.kind()), p.title(),
                    p.companyName(), p.prefecture(), p.municipality(), Messages.get(loc, "job-category." + p.jobCategory()),
                    p.employmentType() == null ? "" : Messages.get(loc, "employment-type." + p.employmentType()),
                    p.hoursPerWeek(), p.wageType() == null ? "" : Messages.get(loc, "wage-type." + p.wageType()), p.wageYen(),
                    Messages.get(loc, "posting-source." + p.source()), p.helloWorkNumber(), p.expiresOn(), p.owner())));
        }
        return b.toString();
    }
}

package jp.tsunagu.posting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Membership;
import jp.tsunagu.directory.CatchmentArea;
import jp.tsunagu.platform.search.JapaneseText;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.Violations;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.posting.PostingTerms.Source;
import jp.tsunagu.posting.PostingTerms.WageType;
import jp.tsunagu.posting.PostingViews.Warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The checks of a posting: its fields by Bean Validation ({@link PostingInput}, {@link PostingRules}),
 * then what only the database knows (the sharing organization, a duplicate Hello Work number, the
 * catchment area, the contact person), and the minimum-wage warning shown to the sharer.
 */
@ApplicationScoped
public class PostingChecks {

    @Inject
    Validator validator;

    /** Every field rule, recorded in {@code p}; the organization, circles and duplicates are checked later. */
    void validate(PostingInput in, Params p) {
        validate(validator, in, p);
    }

    static void validate(Validator validator, PostingInput in, Params p) {
        Violations.check(validator, in, p);
    }

    /** The organization the viewer shares for: the one named, or their only one. */
    static long sharingOrganization(Viewer viewer, Long requested, Params p) {
        if (requested != null) {
            if (!viewer.memberOf(requested)) {
                p.error("organizationId", "not-member");
            }
            return requested;
        }
        if (viewer.organizationIds().size() != 1) {
            p.error("organizationId", "required");
            return -1;
        }
        return viewer.organizationIds().iterator().next();
    }

    /** One Hello Work number per organization (the same opening is not shared twice). */
    Uni<Void> duplicateCheck(long owner, PostingInput in, Long self) {
        if (!Source.HELLO_WORK.name().equals(in.source()) || in.helloWorkNumber() == null) {
            return Uni.createFrom().voidItem();
        }
        String number = JapaneseText.normalize(in.helloWorkNumber()).trim();
        return Posting.count("ownerOrgId = ?1 and helloWorkNumber = ?2 and id <> ?3", owner, number, self == null ? -1L : self)
                .map(n -> {
                    if (n > 0) {
                        throw ProblemException.field("helloWorkNumber", "hello-work-duplicate");
                    }
                    return null;
                });
    }

    /** A catchment area, if named, must exist and lie in the posting's prefecture. */
    Uni<Void> areaCheck(PostingInput in) {
        if (in.areaId() == null) {
            return Uni.createFrom().voidItem();
        }
        return CatchmentArea.<CatchmentArea>findById(in.areaId()).map(a -> {
            if (a == null || in.prefectureCode() == null || a.prefectureCode.intValue() != in.prefectureCode()) {
                throw ProblemException.field("areaId", "unknown");
            }
            return null;
        });
    }

    /** The contact person must be on the sharing organization's staff. */
    Uni<Void> contactCheck(long owner, Long contact) {
        if (contact == null) {
            return Uni.createFrom().voidItem();
        }
        return Membership.count("accountId = ?1 and organizationId = ?2", contact, owner).map(n -> {
            if (n == 0) {
                throw ProblemException.field("contactAccountId", "not-member");
            }
            return null;
        });
    }

    /** Hourly equivalent of a wage: monthly wages over the stated weekly hours (52 weeks / 12 months). */
    static Integer hourly(WageType wageType, Integer wageYen, BigDecimal hoursPerWeek) {
        if (wageType == null || wageYen == null) {
            return null;
        }
        if (wageType == WageType.HOURLY) {
            return wageYen;
        }
        if (hoursPerWeek == null || hoursPerWeek.signum() <= 0) {
            return null;
        }
        BigDecimal monthlyHours = hoursPerWeek.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        return BigDecimal.valueOf(wageYen).divide(monthlyHours, 0, RoundingMode.DOWN).intValue();
    }

    /** The prefecture's minimum wage in force on the day, from the {@code minimum_wage} table. */
    Uni<MinimumWage> minimumWage(int prefectureCode, LocalDate on) {
        return MinimumWage.<MinimumWage>find("prefectureCode = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc",
                prefectureCode, on).firstResult();
    }

    /** The sharer's warning when the wage, as an hourly figure, is under the prefecture's minimum wage. */
    Uni<List<Warning>> warnings(Posting p) {
        Integer hourly = hourly(p.wageType, p.wageYen, p.hoursPerWeek);
        if (hourly == null || p.prefectureCode == null) {
            return Uni.createFrom().item(List.of());
        }
        return minimumWage(p.prefectureCode, p.startOn != null ? p.startOn : JapaneseCalendar.today()).map(mw ->
                mw != null && hourly < mw.hourlyYen
                        ? List.of(new Warning("wageYen", "below-minimum-wage", List.of(hourly, mw.hourlyYen, mw.fiscalYear, mw.source)))
                        : List.of());
    }
}

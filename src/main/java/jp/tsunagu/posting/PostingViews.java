package jp.tsunagu.posting;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the posting endpoints and pages return. */
public final class PostingViews {

    private PostingViews() {
    }

    /** One line of a search result. */
    @TemplateData
    public record PostingSummary(long id, String kind, String title, String companyName, String prefecture,
                                 String municipality, String jobCategory, String employmentType, BigDecimal hoursPerWeek,
                                 String wageType, Integer wageYen, boolean jobCarving, String visibility,
                                 boolean doNotForward, LocalDate expiresOn, Instant createdAt, String owner, String status,
                                 Long ownerId, String source, String helloWorkNumber, List<Long> circleIds) {
    }

    @TemplateData
    /** One page of results; {@code totalCapped}: there are more than {@code total} (the count stops there). */
    public record SearchPage(List<PostingSummary> items, long total, boolean totalCapped, int page, int size, String query) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        /** The next page's number as people count (1-based). */
        public int nextPage() {
            return page + 2;
        }
    }

    /** A circle the posting was shared into, by whom and when. */
    @TemplateData
    public record ShareView(long circleId, String circleName, OrgRef sharedBy, Instant sharedAt) {
    }

    /** A warning the sharer should see (e.g. a wage under the prefecture's minimum wage). */
    @TemplateData
    public record Warning(String field, String key, List<Object> args) {
    }

    @TemplateData
    public record PostingDetail(long id, String kind, String title, String companyName, String companyIndustry,
                                String municipality, int prefectureCode, String prefecture, Long areaId,
                                String jobCategory, String employmentType, BigDecimal hoursPerDay, BigDecimal hoursPerWeek,
                                Integer daysPerWeek, boolean splitShift, boolean shortHours, boolean weeklyPay,
                                boolean dailyPay, boolean trialStep, String carvingNote, String wageType, Integer wageYen,
                                LocalDate startOn, Integer openings, List<String> disabilityExperience,
                                String accommodations, boolean belowQuota, String howToApply, String description,
                                String source, String helloWorkNumber, boolean doNotForward, LocalDate endsOn,
                                Integer places, Integer placesLeft, Boolean hiringIntent, String conditions,
                                String visibility, LocalDate expiresOn, String status, OrgRef owner, PersonRef contact,
                                List<ShareView> shares, List<Warning> warnings, boolean canEdit, boolean canForward,
                                Instant createdAt, Instant updatedAt, int version) {
        public boolean jobCarving() {
            return splitShift || shortHours || weeklyPay || dailyPay || trialStep;
        }
    }

    /** One entry of a non-public posting's view log (for its sharing organization). */
    @TemplateData
    public record ViewLogEntry(Instant at, String kind, PersonRef who, OrgRef organization) {
    }
}

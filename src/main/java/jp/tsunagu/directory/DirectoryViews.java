package jp.tsunagu.directory;

import jp.tsunagu.access.OrgType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the directory hands to the API and the pages. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    public record OrgFilter(OrgType type, Integer prefecture, Long area, String q, int page, int size) {
    }

    public record OrgSummary(long id, String code, String name, String shortName, OrgType type,
                             Short prefectureCode, String prefecture, String municipality, List<String> areas,
                             boolean confirmed) {
    }

    public record OrgPage(List<OrgSummary> items, long total, int page, int size) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    public record AreaView(long id, String code, String name, String kind, Short prefectureCode, Integer population,
                           Integer countTransition, Integer countRetention, Integer countTypeA, Integer countTypeB,
                           Integer countHelloWork, String countsAsOf, String note, List<String> municipalities) {
    }

    public record PersonView(long id, String name, String kana, String title, String role, String email) {
    }

    public record CircleRef(long id, String code, String name, String kind, boolean owner) {
    }

    public record OrgProfile(long id, String code, String name, String shortName, OrgType type, Short prefectureCode,
                             String prefecture, String municipality, String address, String operatingCorporation,
                             LocalDate openedOn, String website, String identityStatement, Integer staffTotal,
                             String staffComposition, List<AreaView> areas, List<PersonView> people,
                             List<CircleRef> circles, boolean canManageStaff, boolean canAskToJoin,
                             String phone, String fax, String email, String services, String specialties, String openingHours,
                             String certificateTypes, Integer capacity, Integer vacancies, LocalDate vacanciesConfirmedOn,
                             boolean confirmed, boolean canEditProfile, int version) {
    }

    public record CircleSummary(long id, String code, String name, String kind, Short prefectureCode, String prefecture,
                                String description, long memberCount, boolean viewerIsMember, boolean archived) {
    }

    /** The circles page: the list, and whether the viewer may start a circle and answers invitations. */
    public record CirclesPage(List<CircleSummary> circles, boolean canStart, boolean answersInvitations) {
    }

    public record CircleMemberView(long organizationId, String name, OrgType type, String prefecture, boolean owner) {
    }

    /**
     * A circle and its members. {@code canManage}: the viewer sees its manage page; {@code leaveAs}:
     * the member organizations the viewer may take out of it (as their administrator).
     */
    public record CircleDetail(long id, String code, String name, String kind, Short prefectureCode, String prefecture,
                               String description, List<CircleMemberView> members, Instant archivedAt, boolean canManage,
                               List<OrgRef> leaveAs) {
    }

    public record PrefectureView(int code, String name, String region, long organizations) {
    }
}

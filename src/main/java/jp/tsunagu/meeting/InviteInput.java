package jp.tsunagu.meeting;

import java.util.List;

/** Who to invite: every active account of the chosen organizations, plus named persons. */
public record InviteInput(List<Long> organizationIds, Long circleId, String organizationType, Integer prefectureCode,
                          Long areaId, List<PersonInput> persons) {
}

package jp.tsunagu.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.platform.validation.OneOf;

import java.util.List;

/** Who to invite: every active account of the chosen organizations, plus named persons. */
public record InviteInput(List<Long> organizationIds, Long circleId, @OneOf(OrgType.class) String organizationType,
                          @Min(1) @Max(47) Integer prefectureCode, Long areaId,
                          @Size(max = 100, message = "range") List<@NotNull @Valid PersonInput> persons) {
}

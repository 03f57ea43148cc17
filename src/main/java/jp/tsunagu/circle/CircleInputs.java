package jp.tsunagu.circle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.directory.CircleKind;
import jp.tsunagu.platform.validation.OneOf;

/** What people send to run circles (JSON and the pages alike). */
public final class CircleInputs {

    private CircleInputs() {
    }

    /**
     * A circle's name, kind, prefecture and description. {@code ownerOrganizationId}: on creation,
     * which of the viewer's organizations owns it (needed only when they belong to several);
     * {@code version}: on an edit, the version the client read.
     */
    public record CircleInput(@NotBlank @Size(max = 200) String name, @NotBlank @OneOf(CircleKind.class) String kind,
                              @Min(1) @Max(47) Integer prefectureCode, @Size(max = 4000) String description,
                              Long ownerOrganizationId, Integer version) {
    }

    /** Asking an organization into a circle, with an optional note to its administrator. */
    public record InviteInput(@NotNull Long organizationId, @Size(max = 1000) String message) {
    }

    /** Making a member organization a co-owner, or no longer one. */
    public record OwnerInput(@NotNull Boolean owner) {
    }

    /** Which of the viewer's organizations leaves (needed only when several of them are members). */
    public record LeaveInput(Long organizationId) {
    }
}

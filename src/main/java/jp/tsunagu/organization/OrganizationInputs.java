package jp.tsunagu.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.platform.validation.OneOf;

import java.time.LocalDate;

/** What administrators send to correct a profile, and what is sent to register an organization. */
public final class OrganizationInputs {

    private OrganizationInputs() {
    }

    static final String PHONE = "^[0-9+() -]{6,30}$";
    /** The database's rule, stricter than @Email: no spaces (also ideographic or no-break), quotes or the characters that would add to a mailto: link. */
    static final String EMAIL = "^[^@\\s\\p{Z}\"?&=%]+@[^@\\s\\p{Z}\"?&=%]+$";
    static final String URL = "^https?://\\S{1,490}$";

    /** An organization's own profile; contacts are the office's, never a person's. {@code version}: the one read. */
    public record ProfileInput(@Size(max = 300) String address,
                               @Pattern(regexp = PHONE, message = "format") String phone,
                               @Pattern(regexp = PHONE, message = "format") String fax,
                               @Email(message = "email") @Pattern(regexp = EMAIL, message = "email") @Size(max = 254) String email,
                               @Size(max = 500) @Pattern(regexp = URL, message = "url") String website,
                               @Size(max = 200) String operatingCorporation,
                               @Size(max = 2000) String services,
                               @Min(0) @Max(10000) Integer capacity,
                               @Min(0) @Max(10000) Integer vacancies,
                               LocalDate vacanciesConfirmedOn,
                               @Size(max = 2000) String specialties,
                               @Size(max = 500) String openingHours,
                               @Size(max = 300) String certificateTypes,
                               @NotNull Integer version) {

        /** Contacts are judged as they will be stored: trimmed, and empty is none. */
        public ProfileInput {
            phone = trimmed(phone);
            fax = trimmed(fax);
            email = trimmed(email);
            website = trimmed(website);
        }
    }

    /** A new organization in the directory. */
    public record RegisterInput(@NotBlank @Size(max = 200) String name,
                                @Size(max = 100) String shortName,
                                @NotBlank @OneOf(OrgType.class) String type,
                                @NotNull @Min(1) @Max(47) Integer prefectureCode,
                                @Size(max = 100) String municipality,
                                @Size(max = 300) String address,
                                @Size(max = 200) String operatingCorporation,
                                @Pattern(regexp = PHONE, message = "format") String phone,
                                @Email(message = "email") @Pattern(regexp = EMAIL, message = "email") @Size(max = 254) String email,
                                @Size(max = 500) @Pattern(regexp = URL, message = "url") String website) {

        public RegisterInput {
            phone = trimmed(phone);
            email = trimmed(email);
            website = trimmed(website);
        }
    }

    /** Merging a duplicate into the organization that stays. */
    public record MergeInput(@NotNull @Min(1) Long intoId) {
    }

    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

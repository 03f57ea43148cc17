package jp.tsunagu.meeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person to invite by address, with the organization they belong to if known. */
public record PersonInput(@NotBlank @Size(max = 100) String name, String email, Long organizationId) {
}

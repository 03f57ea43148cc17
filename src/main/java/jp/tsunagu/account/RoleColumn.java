package jp.tsunagu.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import jp.tsunagu.access.Role;

/** Stores a {@link Role} by its wire name ({@code center-lead}), the value the column's CHECK constraint lists. */
@Converter(autoApply = true)
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wire();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.fromWire(value)
                .orElseThrow(() -> new IllegalStateException("unknown role in the database: " + value));
    }
}

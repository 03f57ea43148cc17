package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jp.tsunagu.platform.time.JapaneseCalendar;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A person's place in an organization (they inherit its circles). */
@Entity
@Table(name = "membership")
@IdClass(Membership.Key.class)
public class Membership extends PanacheEntityBase {
    @Id
    public Long accountId;
    @Id
    public Long organizationId;
    public String title;
    public LocalDate since = JapaneseCalendar.today();
    /** An administrator of the organization: invites and approves its staff, answers for it. */
    @Column(name = "is_admin")
    public boolean admin;

    public static class Key implements Serializable {
        public Long accountId;
        public Long organizationId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId)
                    && Objects.equals(organizationId, k.organizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, organizationId);
        }
    }
}

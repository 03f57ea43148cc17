package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person asking to join an organization; its administrator (or the secretariat, where it has none) decides. */
@Entity
@Table(name = "membership_request")
public class MembershipRequest extends PanacheEntityBase {

    /** Where a request stands. */
    public enum Status { PENDING, APPROVED, DECLINED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long accountId;
    public Long organizationId;
    public String title;
    public Instant requestedAt;
    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;
    public Long decidedBy;
    public Instant decidedAt;
}

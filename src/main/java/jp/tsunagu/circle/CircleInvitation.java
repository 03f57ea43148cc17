package jp.tsunagu.circle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An organization asked into a circle; its administrator accepts or declines. */
@Entity
@Table(name = "circle_invitation")
public class CircleInvitation extends PanacheEntityBase {

    /** Where an invitation stands. */
    public enum Status { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long circleId;
    public Long organizationId;
    public String message;
    public Long invitedBy;
    public Instant invitedAt;
    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;
    public Long decidedBy;
    public Instant decidedAt;
}

package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A private iCalendar feed URL of a person (optionally narrowed to one circle). */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "circle_id")
    public Long circleId;
    @Column(name = "created_at")
    public java.time.Instant createdAt;
    @Column(name = "revoked_at")
    public java.time.Instant revokedAt;
}

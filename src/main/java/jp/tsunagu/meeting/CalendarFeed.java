package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A private iCalendar feed URL of a person (optionally narrowed to one circle). */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String tokenHash;
    public Long accountId;
    public Long circleId;
    public Instant createdAt;
    public Instant revokedAt;
}

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

/** One line of a circle's membership history (the table refuses UPDATE). */
@Entity
@Table(name = "circle_event")
public class CircleEvent extends PanacheEntityBase {

    /** What happened. */
    public enum Kind { CREATED, EDITED, INVITED, WITHDRAWN, JOINED, DECLINED, LEFT, REMOVED, OWNER_ADDED, OWNER_REMOVED, ARCHIVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long circleId;
    public Long organizationId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public Long actorId;
    public Instant occurredAt;

    static CircleEvent of(long circleId, Long organizationId, Kind kind, Long actorId) {
        CircleEvent e = new CircleEvent();
        e.circleId = circleId;
        e.organizationId = organizationId;
        e.kind = kind;
        e.actorId = actorId;
        e.occurredAt = Instant.now();
        return e;
    }
}

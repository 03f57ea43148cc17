package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An in-person venue of a meeting (hybrid meetings may have several). */
@Entity
@Table(name = "meeting_venue")
public class MeetingVenue extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Integer position;
    public String name;
    public String address;
}

package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ordered item of a meeting's agenda. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Integer position;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.AgendaType itemType;
    public String title;
    public Integer minutes;
    public Long presenterOrgId;
    public Long presenterAccountId;
    public String notes;
}

package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    @Column(name = "meeting_id")
    public Long meetingId;
    @Column(name = "position")
    public Integer position;
    @Column(name = "item_type")
    public String itemType;
    @Column(name = "title")
    public String title;
    @Column(name = "minutes")
    public Integer minutes;
    @Column(name = "presenter_org_id")
    public Long presenterOrgId;
    @Column(name = "presenter_account_id")
    public Long presenterAccountId;
    public String notes;
}

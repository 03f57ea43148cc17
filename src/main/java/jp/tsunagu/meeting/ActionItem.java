package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An action item (確認事項) from a meeting; open ones follow the series to its next meetings. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "meeting_id")
    public Long meetingId;
    @Column(name = "series_id")
    public Long seriesId;
    @Column(name = "title")
    public String title;
    @Column(name = "owner_org_id")
    public Long ownerOrgId;
    @Column(name = "owner_account_id")
    public Long ownerAccountId;
    @Column(name = "due_on")
    public java.time.LocalDate dueOn;
    @Column(name = "status")
    public String status;
    @Column(name = "done_on")
    public java.time.LocalDate doneOn;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "created_at")
    public java.time.Instant createdAt;
    @Column(name = "version")
    public Integer version;
}

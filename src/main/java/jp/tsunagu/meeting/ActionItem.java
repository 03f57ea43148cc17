package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** An action item (確認事項) from a meeting; open ones follow the series to its next meetings. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Long seriesId;
    public String title;
    public Long ownerOrgId;
    public Long ownerAccountId;
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.ActionStatus status;
    public LocalDate doneOn;
    public Long createdBy;
    public Instant createdAt;
    public Integer version;
}

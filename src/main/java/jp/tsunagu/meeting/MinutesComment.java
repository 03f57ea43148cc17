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

/** A comment or proposed wording (修正依頼) on one field of one item of circulated draft minutes (V14). */
@Entity
@Table(name = "minutes_comment")
public class MinutesComment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Integer itemPosition;
    public String field;
    @Enumerated(EnumType.STRING)
    public MinutesSignOff.CommentKind kind;
    public String body;
    public String proposedText;
    public Long authorAccountId;
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    public MinutesSignOff.CommentStatus status;
    public String answer;
    public Long resolvedBy;
    public Instant resolvedAt;
}

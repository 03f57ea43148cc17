package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An organization a survey asks, with its personal link (stored as a hash) and where it stands. */
@Entity
@Table(name = "survey_recipient")
public class SurveyRecipient extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long surveyId;
    public Long organizationId;
    /** The address the link went to; NULL: the organization has none (on paper). */
    public String email;
    public String tokenHash;
    /** The link before the last reminder's (still works, so an older mail is not dead). */
    public String previousTokenHash;
    public Long addedBy;
    public Instant addedAt;
    public Instant sentAt;
    public Instant remindedAt;
    public short reminders;
    public Instant answeredAt;
    public Long responseId;
}

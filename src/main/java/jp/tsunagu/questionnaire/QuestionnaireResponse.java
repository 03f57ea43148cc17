package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One respondent's submission (one per respondent). */
@Entity
@Table(name = "questionnaire_response")
public class QuestionnaireResponse extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long questionnaireId;
    public String respondent;
    public Instant submittedAt;
    /** ONLINE (the respondent answered) or PAPER (staff keyed in a paper form). */
    @Enumerated(EnumType.STRING)
    public Channel channel = Channel.ONLINE;
    /** The account that keyed in a paper answer. */
    public Long enteredBy;
    public Instant updatedAt;

    /** How an answer reached the questionnaire. */
    public enum Channel { ONLINE, PAPER }
}

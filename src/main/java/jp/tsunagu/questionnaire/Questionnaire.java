package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A questionnaire about a subject (e.g. a meeting) with its follow-up. */
@Entity
@Table(name = "questionnaire")
public class Questionnaire extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String subjectType;
    public Long subjectId;
    public String titleJa;
    public String titleEn;
    public String introJa;
    public String introEn;
    public Instant createdAt;
    public Instant closesAt;
    public String followup;
    public Instant followupAt;
}

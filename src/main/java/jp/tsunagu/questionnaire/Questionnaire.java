package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A questionnaire about a subject (e.g. a meeting) with its follow-up. */
@Entity
@Table(name = "questionnaire")
public class Questionnaire extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public Long subjectId;
    @Column(name = "title_ja")
    public String titleJa;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "created_at")
    public java.time.Instant createdAt;
    @Column(name = "closes_at")
    public java.time.Instant closesAt;
    public String followup;
    @Column(name = "followup_at")
    public java.time.Instant followupAt;
}

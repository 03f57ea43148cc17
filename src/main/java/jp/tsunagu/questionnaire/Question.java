package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A question of a questionnaire (single choice, multiple choice or free text). */
@Entity
@Table(name = "questionnaire_question")
public class Question extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long questionnaireId;
    public Integer position;
    public String code;
    @Enumerated(EnumType.STRING)
    public QuestionKind kind;
    public String labelJa;
    public String labelEn;
    public Boolean required;
}

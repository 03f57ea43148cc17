package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    @Column(name = "questionnaire_id")
    public Long questionnaireId;
    @Column(name = "position")
    public Integer position;
    @Column(name = "code")
    public String code;
    @Column(name = "kind")
    public String kind;
    @Column(name = "label_ja")
    public String labelJa;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "required")
    public Boolean required;
}

package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A choice of a question. */
@Entity
@Table(name = "questionnaire_option")
public class QuestionOption extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long questionId;
    public Integer position;
    public String code;
    public String labelJa;
    public String labelEn;
    /** A choice's option, or a number table's row or column. */
    @Enumerated(EnumType.STRING)
    public OptionAxis axis = OptionAxis.CHOICE;
    /** "Other (free text)": choosing it asks for a text. */
    public boolean other;
}

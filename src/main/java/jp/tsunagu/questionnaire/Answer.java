package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One answer of a response: a chosen option or a text. */
@Entity
@Table(name = "questionnaire_answer")
public class Answer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long responseId;
    public Long questionId;
    public String optionCode;
    public String textValue;
    /** A number table's column (with {@code optionCode} its row). */
    public String columnCode;
    /** A scale point or a number in a table's cell. */
    public Integer numberValue;
}

package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** The section it stands in (NULL: a questionnaire without sections). */
    public Long sectionId;
    public String hintJa;
    public String hintEn;
    public Short scaleMin;
    public Short scaleMax;
    public String scaleLowJa;
    public String scaleLowEn;
    public String scaleHighJa;
    public String scaleHighEn;
    /** Shown only when this earlier question's answer holds one of {@link #shownIfOptions}. */
    public String shownIfQuestion;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] shownIfOptions;
}

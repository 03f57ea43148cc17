package jp.tsunagu.questionnaire;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A titled section of a questionnaire; its questions follow in their own order. */
@Entity
@Table(name = "questionnaire_section")
public class Section extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long questionnaireId;
    public Integer position;
    public String titleJa;
    public String titleEn;
}

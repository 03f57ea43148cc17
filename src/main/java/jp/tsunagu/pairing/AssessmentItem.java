package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** ビフォーアフター自己評価: one self-assessment item scored 1–10 before and after. */
@Entity
@Table(name = "pairing_assessment_item")
public class AssessmentItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long pairingId;
    public Integer position;
    public String label;
    public Integer beforeScore;
    public Integer afterScore;
    public String comment;
}

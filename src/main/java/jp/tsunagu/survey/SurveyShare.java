package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A circle a survey's results are shared into. */
@Entity
@Table(name = "survey_share")
@IdClass(SurveyShare.Key.class)
public class SurveyShare extends PanacheEntityBase {
    @Id
    public Long surveyId;
    @Id
    public Long circleId;
    public Long sharedBy;
    public Instant sharedAt;

    public static class Key implements Serializable {
        public Long surveyId;
        public Long circleId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(surveyId, k.surveyId) && Objects.equals(circleId, k.circleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(surveyId, circleId);
        }
    }
}

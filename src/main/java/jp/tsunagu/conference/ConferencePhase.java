package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** One phase of a conference's format with its minutes. */
@Entity
@Table(name = "conference_phase")
public class ConferencePhase extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long conferenceId;
    public Short position;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.Phase phase;
    public Short minutes;
}

package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read of case material (case sheet, board or printed copy): who and when. */
@Entity
@Table(name = "conference_read")
public class ConferenceRead extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long conferenceId;
    public Long accountId;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.ReadPart what;
    public Instant readAt;
}

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

/** One line of the recorder's board (板書), by phase. */
@Entity
@Table(name = "board_entry")
public class BoardEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long conferenceId;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.Phase phase;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.BoardKind kind;
    public String body;
    public Long createdBy;
    public Instant createdAt;
}

package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** One agency of the support team around the person (a node of the ecomap). */
@Entity
@Table(name = "case_team_member")
public class CaseTeamMember extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long conferenceId;
    public Short position;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.AgencyType agencyType;
    public String role;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.Frequency frequency;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.Relation relation;
}

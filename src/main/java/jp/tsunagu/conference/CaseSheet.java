package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The de-identified case sheet: bands and categories, and free text that passed the identifier check. */
@Entity
@Table(name = "case_sheet")
public class CaseSheet extends PanacheEntityBase {
    @Id
    public Long conferenceId;
    public Short ageBand;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.Sex sex;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.CertificateType certificateType;
    public String certificateGrade;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.Diagnosis diagnosis;
    public String household;
    public String referralRoute;
    public String presentingProblem;
    public String factors;
    public String actionsOutcomes;
    public String discussionPoints;
    public Long updatedBy;
    public Instant updatedAt;
    public Integer version;
}

package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The de-identified case sheet: bands and categories, and free text that passed the identifier check. */
@Entity
@Table(name = "case_sheet")
public class CaseSheet extends PanacheEntityBase {
    @Id
    @Column(name = "conference_id")
    public Long conferenceId;
    @Column(name = "age_band")
    public Short ageBand;
    public String sex;
    @Column(name = "certificate_type")
    public String certificateType;
    @Column(name = "certificate_grade")
    public String certificateGrade;
    public String diagnosis;
    public String household;
    @Column(name = "referral_route")
    public String referralRoute;
    @Column(name = "presenting_problem")
    public String presentingProblem;
    public String factors;
    @Column(name = "actions_outcomes")
    public String actionsOutcomes;
    @Column(name = "discussion_points")
    public String discussionPoints;
    @Column(name = "updated_by")
    public Long updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public Integer version;
}

package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A job posting (求人) or an internship / work-experience slot (職場実習枠), shared by one organization. */
@Entity
@Table(name = "posting")
public class Posting extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    @Column(name = "owner_org_id")
    public Long ownerOrgId;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "contact_account_id")
    public Long contactAccountId;
    public String title;
    @Column(name = "company_name")
    public String companyName;
    @Column(name = "company_industry")
    public String companyIndustry;
    public String municipality;
    @Column(name = "prefecture_code")
    public Integer prefectureCode;
    @Column(name = "area_id")
    public Long areaId;
    @Column(name = "job_category")
    public String jobCategory;
    @Column(name = "employment_type")
    public String employmentType;
    @Column(name = "hours_per_day")
    public BigDecimal hoursPerDay;
    @Column(name = "hours_per_week")
    public BigDecimal hoursPerWeek;
    @Column(name = "days_per_week")
    public Integer daysPerWeek;
    @Column(name = "split_shift")
    public boolean splitShift;
    @Column(name = "short_hours")
    public boolean shortHours;
    @Column(name = "weekly_pay")
    public boolean weeklyPay;
    @Column(name = "daily_pay")
    public boolean dailyPay;
    @Column(name = "trial_step")
    public boolean trialStep;
    @Column(name = "carving_note")
    public String carvingNote;
    @Column(name = "wage_type")
    public String wageType;
    @Column(name = "wage_yen")
    public Integer wageYen;
    @Column(name = "start_on")
    public LocalDate startOn;
    public Integer openings;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "disability_experience")
    public String[] disabilityExperience;
    public String accommodations;
    @Column(name = "below_quota")
    public boolean belowQuota;
    @Column(name = "how_to_apply")
    public String howToApply;
    public String description;
    public String source;
    @Column(name = "hello_work_number")
    public String helloWorkNumber;
    @Column(name = "do_not_forward")
    public boolean doNotForward;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    public Integer places;
    @Column(name = "hiring_intent")
    public Boolean hiringIntent;
    public String conditions;
    public String visibility;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    public String status;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_reason")
    public String closedReason;
    /** Written as a tsvector literal (see JapaneseText); read back as text, never used in Java. */
    @Column(name = "search_vector")
    @ColumnTransformer(read = "search_vector::text", write = "?::tsvector")
    public String searchVector;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public Integer version;
}

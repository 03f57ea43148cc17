package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.posting.PostingTerms.Category;
import jp.tsunagu.posting.PostingTerms.EmploymentType;
import jp.tsunagu.posting.PostingTerms.Kind;
import jp.tsunagu.posting.PostingTerms.Source;
import jp.tsunagu.posting.PostingTerms.Status;
import jp.tsunagu.posting.PostingTerms.WageType;
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
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public Long ownerOrgId;
    public Long createdBy;
    public Long contactAccountId;
    public String title;
    public String companyName;
    public String companyIndustry;
    public String municipality;
    public Integer prefectureCode;
    public Long areaId;
    @Enumerated(EnumType.STRING)
    public Category jobCategory;
    @Enumerated(EnumType.STRING)
    public EmploymentType employmentType;
    public BigDecimal hoursPerDay;
    public BigDecimal hoursPerWeek;
    public Integer daysPerWeek;
    public boolean splitShift;
    public boolean shortHours;
    public boolean weeklyPay;
    public boolean dailyPay;
    public boolean trialStep;
    public String carvingNote;
    @Enumerated(EnumType.STRING)
    public WageType wageType;
    public Integer wageYen;
    public LocalDate startOn;
    public Integer openings;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] disabilityExperience;
    public String accommodations;
    public boolean belowQuota;
    public String howToApply;
    public String description;
    @Enumerated(EnumType.STRING)
    public Source source;
    public String helloWorkNumber;
    public boolean doNotForward;
    public LocalDate endsOn;
    public Integer places;
    public Boolean hiringIntent;
    public String conditions;
    @Enumerated(EnumType.STRING)
    public PostingVisibility visibility;
    public LocalDate expiresOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant closedAt;
    public String closedReason;
    /** Written as a tsvector literal (see JapaneseText); read back as text, never used in Java. */
    @ColumnTransformer(read = "search_vector::text", write = "?::tsvector")
    public String searchVector;
    public Instant createdAt;
    public Instant updatedAt;
    public Integer version;
}

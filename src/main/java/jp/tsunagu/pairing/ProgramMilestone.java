package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One step of a program's milestone template; new pairs receive a copy. */
@Entity
@Table(name = "program_milestone")
public class ProgramMilestone extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long programId;
    public Integer position;
    @Enumerated(EnumType.STRING)
    public Terms.MilestoneKind kind;
    public String title;
    public LocalDate dueOn;
}

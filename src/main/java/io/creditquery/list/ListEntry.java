package io.creditquery.list;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One listing of a subject on a red or black list, with its lifecycle dates. */
@Entity
@Table(name = "list_entry")
public class ListEntry {

    @Id
    public Long id;
    @Column(name = "subject_id")
    public Long subjectId;
    @Column(name = "list_type")
    public String listType;
    public String authority;
    @Column(name = "decision_no")
    public String decisionNo;
    public String basis;
    @Column(name = "listed_on")
    public LocalDate listedOn;
    @Column(name = "planned_exit_on")
    public LocalDate plannedExitOn;
    @Column(name = "exited_on")
    public LocalDate exitedOn;
    @Column(name = "exit_reason")
    public String exitReason;
    public String status;
}

package io.creditquery.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** 信用记录 of one subject. */
@Entity
@Table(name = "credit_record")
public class CreditRecord {

    @Id
    public Long id;
    @Column(name = "subject_id")
    public Long subjectId;
    public String category;
    @Column(name = "source_dept")
    public String sourceDept;
    @Column(name = "source_doc_no")
    public String sourceDocNo;
    @Column(name = "decision_date")
    public LocalDate decisionDate;
    public String title;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> content;
    public String classification;
    @Column(name = "publicity_until")
    public LocalDate publicityUntil;
    public String status;
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

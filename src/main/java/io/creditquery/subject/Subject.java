package io.creditquery.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 信用主体. Written by ingest (set-based SQL), read through Panache; never serialised to JSON. */
@Entity
@Table(name = "subject")
public class Subject {

    @Id
    public Long id;
    @Column(name = "subject_key")
    public String subjectKey;
    @Column(name = "subject_type")
    public String subjectType;
    public String uscc;
    @Column(name = "org_code", insertable = false, updatable = false)
    public String orgCode;
    @Column(name = "registration_no")
    public String registrationNo;
    @Column(name = "id_masked")
    public String idMasked;
    public String name;
    @Column(name = "legal_representative")
    public String legalRepresentative;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "industry_code")
    public String industryCode;
    public String status;
    @Column(name = "established_on")
    public LocalDate establishedOn;
    @Column(name = "registered_capital")
    public BigDecimal registeredCapital;
    public String address;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

package io.creditquery.ingest;

import io.creditquery.subject.SubjectStatus;
import io.creditquery.code.SubjectType;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated subject line; {@code subjectKey} is the USCC or, for a natural person, the ID's keyed hash. */
public record SubjectUpsert(String subjectKey, SubjectType type, String uscc, String registrationNo, String idMasked,
                            String name, String legalRepresentative, String regionCode, String industryCode,
                            SubjectStatus status, LocalDate establishedOn, BigDecimal registeredCapital,
                            String address) {
}

package io.creditquery.commitment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitmentView(String id, String subjectCode, String department, CommitmentType type, String typeLabel,
                             String content, LocalDate madeOn, LocalDate dueOn, Boolean kept, LocalDate assessedOn,
                             String assessment) {
}

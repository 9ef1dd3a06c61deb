package io.creditquery.objection;

import java.util.List;

/**
 * An objection (异议) against one record or one list entry (exactly one of the ids, as shown in the profile and the
 * record pages). Public filers give a name and a contact (phone or e-mail) to be reached by the department;
 * attachments are described, not uploaded (name, media type, size, SHA-256 of the file kept by the filer).
 */
public record ObjectionRequest(Long recordId, Long listEntryId, String reason, String filerName, String contact,
                               List<Attachment> attachments) {

    public record Attachment(String name, String mediaType, Long size, String sha256) {
    }
}

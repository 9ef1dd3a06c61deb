package io.creditquery.list;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ListEntryRepository implements PanacheRepository<ListEntry> {

    /** Entries in force for a subject, newest first. */
    public Uni<List<ListEntry>> inForce(long subjectId) {
        return find("from ListEntry l where l.subjectId = ?1 and " + ListVisibility.LIST_HQL
                + " order by l.listedOn desc", subjectId).list();
    }
}

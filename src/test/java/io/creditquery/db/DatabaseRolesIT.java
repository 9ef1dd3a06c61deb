package io.creditquery.db;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the service's own role (the pool's user) may do with each table, as PostgreSQL reports it: rows of the credit
 * data, append-only audit tables, no DDL, and ownership only of the three queue tables it vacuums. A table added by
 * a later migration without its grant fails here.
 */
@QuarkusTest
class DatabaseRolesIT {

    private static final Set<String> QUEUES = Set.of("search_outbox", "watch_outbox", "webhook_delivery");
    /** Tables the service may only append to or read: the audit log, and feedback reports (never changed once made). */
    private static final Map<String, String> APPEND_ONLY = Map.of(
            "audit_event", "select insert", "audit_checkpoint", "select insert",
            "audit_chain_head", "select", "audit_event_legacy", "select", "audit_chain_rekey", "select",
            "verification_feedback", "select insert");

    @Inject
    Pool pool;
    @Inject
    DatabaseConfig config;

    @Test
    void theServiceRoleHasWhatItNeedsAndNothingMore() {
        List<String> wrong = new ArrayList<>();
        for (Row row : pool.query("""
                select c.relname, pg_get_userbyid(c.relowner) = current_user as owned,
                       concat_ws(' ',
                         case when has_table_privilege(c.oid, 'select') then 'select' end,
                         case when has_table_privilege(c.oid, 'insert') then 'insert' end,
                         case when has_table_privilege(c.oid, 'update') then 'update' end,
                         case when has_table_privilege(c.oid, 'delete') then 'delete' end,
                         case when has_table_privilege(c.oid, 'truncate') then 'truncate' end,
                         case when has_table_privilege(c.oid, 'references') then 'references' end,
                         case when has_table_privilege(c.oid, 'trigger') then 'trigger' end) as privileges
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                order by c.relname""").execute().await().indefinitely()) {
            String table = row.getString("relname");
            boolean partition = table.matches("audit_event_(default|\\d{4}_\\d{2})");
            String expected = QUEUES.contains(table) ? "select insert update delete truncate references trigger"
                    : APPEND_ONLY.containsKey(table) ? APPEND_ONLY.get(table)
                    : partition || table.equals("flyway_schema_history") ? ""
                    : "select insert update delete";
            if (!expected.equals(row.getString("privileges")) || row.getBoolean("owned") != QUEUES.contains(table)) {
                wrong.add(table + ": " + row.getString("privileges") + (row.getBoolean("owned") ? " (owner)" : "")
                        + ", expected " + expected);
            }
        }
        assertEquals(List.of(), wrong);
        Row schema = pool.query("select has_schema_privilege('public', 'create'), has_database_privilege(current_database(), 'create'),"
                + " rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")
                .execute().await().indefinitely().iterator().next();
        assertEquals("false false false false false", String.join(" ", List.of(schema.getBoolean(0).toString(),
                schema.getBoolean(1).toString(), schema.getBoolean(2).toString(), schema.getBoolean(3).toString(),
                schema.getBoolean(4).toString())), "no DDL, no roles, no databases");
        assertEquals(config.serviceRole(), pool.query("select current_user").execute().await().indefinitely()
                .iterator().next().getString(0));
    }
}

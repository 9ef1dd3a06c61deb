package io.creditquery.record;

import io.creditquery.security.Caller;
import io.creditquery.security.CallerView;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees what, decided without a store: the views callers get and what each view may read. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    private static Caller department(String department, String... scopes) {
        return new Caller(Caller.Kind.DEPARTMENT, "clerk", department, Set.of(scopes), null, null, null, null, "10.1.2.3");
    }

    private static Caller partner() {
        return new Caller(Caller.Kind.PARTNER, "apikey:k1", null, Set.of("search"), null, "k1", 600, 10_000, "203.0.113.9");
    }

    @Test
    void anonymousCallersAndPartnerKeysAreThePublic() {
        assertSame(CallerView.PUBLIC, policy.view(Caller.anonymous("203.0.113.7")));
        assertSame(CallerView.PUBLIC, policy.view(partner()), "a partner key sees no more than the public");
        assertSame(RecordAccess.PUBLIC, policy.records(CallerView.PUBLIC));
        assertFalse(policy.seesEveryNaturalPerson(partner()));
        assertFalse(policy.seesRepairedPast(CallerView.PUBLIC));
    }

    @Test
    void aDepartmentSeesTheConditionalCategoriesItsScopesName() {
        CallerView some = policy.view(department("370100-SCJ", "verify", "records:conditional:TAX", "records:conditional:CUSTOMS"));
        assertEquals(CallerView.Kind.DEPARTMENT, some.kind());
        assertFalse(some.allConditional());
        assertEquals(Set.of("TAX", "CUSTOMS"), some.conditionalCategories());
        assertTrue(policy.view(department("370100-SCJ", "records:conditional")).allConditional());
        CallerView none = policy.view(department("370100-SCJ", "verify", "records:conditionalTAX"));
        assertFalse(none.allConditional(), "a scope that only starts like the conditional scope grants nothing");
        assertEquals(Set.of(), none.conditionalCategories());
        assertTrue(policy.seesEveryNaturalPerson(none));
        assertTrue(policy.seesRepairedPast(none));
    }

    @Test
    void aSubjectSeesEverythingAboutItselfAndOthersAsThePublicDoes() {
        Caller self = new Caller(Caller.Kind.SUBJECT, "subject:91350100M000100Y43", null, Set.of(), "91350100M000100Y43",
                null, null, null, "203.0.113.8");
        CallerView view = policy.view(self);
        assertSame(RecordAccess.EVERYTHING, policy.records(view.about("91350100M000100Y43")));
        assertSame(CallerView.PUBLIC, view.about("91370900123615160C"));
    }
}

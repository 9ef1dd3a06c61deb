package io.creditquery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.creditquery.common.Problem;
import io.creditquery.frontdoor.FrontDoor;
import io.creditquery.frontdoor.QueryParameterFilter;
import io.creditquery.security.CallerAugmentor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Each cross-cutting rule has one place: who the caller is, which query parameters an endpoint takes, problem answers. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.creditquery");

    @Test
    void onlyTheAugmentorReadsTokens() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(CallerAugmentor.class.getName())
                .should().dependOnClassesThat().areAssignableTo(JsonWebToken.class)
                .because("who the caller is is worked out once, in CallerAugmentor; everything else reads Caller");
        rule.check(MAIN);
    }

    @Test
    void onlyTheDoorAndTheIdentityProvidersSeeSecurityIdentities() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("..security..", "..apikey..")
                .and().doNotHaveFullyQualifiedName(FrontDoor.class.getName())
                .should().dependOnClassesThat().areAssignableTo(SecurityIdentity.class)
                .because("resources, services and filters read the one Caller (CurrentCaller), not the identity");
        rule.check(MAIN);
    }

    @Test
    void onlyTheParameterFilterReadsQueryParameterNames() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(QueryParameterFilter.class.getName())
                .should().callMethod(UriInfo.class, "getQueryParameters")
                .orShould().callMethod(UriInfo.class, "getQueryParameters", boolean.class)
                .because("unknown and repeated parameters are refused in one place, from each endpoint's @QueryParam");
        rule.check(MAIN);
    }

    @Test
    void problemsAreBuiltByTheirFactoryOnly() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(Problem.class.getName())
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                        .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
                                .owner(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(Problem.class))))
                .because("Problem.of gives each kind of refusal its stable type URI and each status one title");
        rule.check(MAIN);
    }
}

package io.creditquery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.creditquery.common.Problem;
import io.creditquery.common.ProblemException;
import io.creditquery.frontdoor.FrontDoor;
import io.creditquery.frontdoor.QueryParameterFilter;
import io.creditquery.security.CallerAugmentor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Each cross-cutting rule has one place (who the caller is, which query parameters an endpoint takes, problem answers)
 * and each layer its own work: resources speak HTTP, repositories speak SQL, and the packages form no cycle.
 */
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

    @Test
    void packagesFormNoCycle() {
        ArchRule rule = slices().matching("io.creditquery.(*)..").should().beFreeOfCycles()
                .because("a capability can be read, tested and changed without the ones that depend on it");
        rule.check(MAIN);
    }

    /**
     * The same on the sources' imports: a constant (a role name in {@code @RolesAllowed}, an HQL fragment) is copied
     * into the class that uses it, so the compiled classes do not show that dependency.
     */
    @Test
    void sourcePackagesFormNoCycle() throws IOException {
        Pattern declared = Pattern.compile("^package io\\.creditquery\\.(\\w+)", Pattern.MULTILINE);
        Pattern imported = Pattern.compile("^import (?:static )?io\\.creditquery\\.(\\w+)\\.", Pattern.MULTILINE);
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/creditquery"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher own = declared.matcher(text);
                if (!own.find()) {
                    continue;
                }
                Set<String> targets = uses.computeIfAbsent(own.group(1), k -> new TreeSet<>());
                imported.matcher(text).results().map(m -> m.group(1)).filter(p -> !p.equals(own.group(1))).forEach(targets::add);
            }
        }
        assertTrue(uses.size() > 20, "the sources were read: " + uses.keySet());
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>(List.of(List.of(start)));
            Set<String> seen = new HashSet<>();
            while (!paths.isEmpty() && cycles.stream().noneMatch(c -> c.startsWith(start + " "))) {
                List<String> path = paths.removeFirst();
                for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    if (next.equals(start)) {
                        cycles.add(String.join(" -> ", path) + " -> " + start);
                    } else if (seen.add(next)) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.addLast(longer);
                    }
                }
            }
        }
        assertEquals(List.of(), cycles, "package cycles through imports");
    }

    @Test
    void commonDependsOnNoCapability() {
        ArchRule rule = noClasses().that().resideInAPackage("io.creditquery.common..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.creditquery.common..", "java..", "javax..",
                        "jakarta..", "io.smallrye..", "io.vertx..", "io.quarkus..", "org.jboss..", "com.fasterxml..",
                        "org.eclipse.microprofile..", "org.flywaydb..")
                .because("common is the bottom layer every capability may use");
        rule.check(MAIN);
    }

    @Test
    void resourcesNeverTouchSql() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..",
                        "io.vertx.pgclient..", "io.vertx.mutiny.pgclient..", "org.hibernate..", "io.quarkus.hibernate..")
                .because("a resource speaks HTTP; its service holds the rules and its repository the SQL");
        rule.check(MAIN);
    }

    @Test
    void repositoriesNeverBuildHttpAnswers() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Problem.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ProblemException.class.getName())
                .because("a repository reports what it found; the service decides what the caller is told");
        rule.check(MAIN);
    }
}

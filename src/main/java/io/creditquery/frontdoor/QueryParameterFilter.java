package io.creditquery.frontdoor;

import io.creditquery.common.FieldError;
import io.creditquery.common.ProblemException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For every endpoint, the query parameters it declares ({@code @QueryParam}) are the ones it takes: any other
 * name, or a single-valued one given more than once, is refused (400 naming each), so a typo or an ambiguous
 * repeat never silently changes an answer. Runs after the caller is identified and limited, before the resource.
 */
public class QueryParameterFilter {

    private record Declared(Set<String> names, Set<String> repeatable) {
    }

    private static final Map<Method, Declared> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Map<String, List<String>> given = request.getUriInfo().getQueryParameters();
        if (given.isEmpty() || resource.getResourceMethod() == null) {
            return;
        }
        Declared declared = DECLARED.computeIfAbsent(resource.getResourceMethod(), QueryParameterFilter::declared);
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            String name = parameter.getKey();
            if (!declared.names().contains(name)) {
                errors.add(new FieldError(name, declared.names().isEmpty() ? "unknown parameter; this endpoint takes none"
                        : "unknown parameter; known: " + String.join(", ", declared.names())));
            } else if (parameter.getValue().size() > 1 && !declared.repeatable().contains(name)) {
                errors.add(new FieldError(name, "is given " + parameter.getValue().size() + " times; give it once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static Declared declared(Method method) {
        Set<String> names = new TreeSet<>();
        Set<String> repeatable = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
                if (Collection.class.isAssignableFrom(parameter.getType())) {
                    repeatable.add(query.value());
                }
            }
        }
        return new Declared(names, repeatable);
    }
}

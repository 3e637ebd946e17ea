package io.relia.audit.spring;

import io.relia.audit.AuditContext;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a module's Spring Security configuration lets only authenticated or authorised callers reach the
 * actuator endpoints: a matcher for the management base path ({@code requestMatchers("/management/**")
 * .hasAuthority(ADMIN)}, {@code antMatchers}, {@code pathMatchers}, {@code mvc.pattern(...)}) or for
 * {@code EndpointRequest.toAnyEndpoint()}, followed by {@code hasAuthority}, {@code hasAnyAuthority},
 * {@code hasRole}, {@code hasAnyRole}, {@code authenticated}, {@code fullyAuthenticated} or {@code access}; or a
 * filter chain scoped to them ({@code securityMatcher(EndpointRequest.toAnyEndpoint())}) whose
 * {@code anyRequest()} is so restricted. A rule that permits the endpoints to all, or an {@code anyRequest()}
 * rule of the application's chain, is not taken as restricting them: which matcher wins there cannot be told
 * without running Spring.
 */
final class ActuatorAccess {

    /** Java sources larger than this are not security configuration. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final String RESTRICTS = "\\.\\s*(hasAuthority|hasAnyAuthority|hasRole|hasAnyRole|authenticated"
            + "|fullyAuthenticated|access)\\s*\\(";
    /** One matcher's arguments up to its rule, never reaching into the next matcher or a permitAll. */
    private static final Pattern MATCHER_RULE = Pattern.compile("(?:requestMatchers|antMatchers|mvcMatchers"
            + "|pathMatchers|regexMatchers)\\s*\\(((?:(?!Matchers|permitAll|denyAll|anyRequest|anyExchange)[^;])*?)"
            + "\\)\\s*" + RESTRICTS);
    private static final Pattern SCOPED_CHAIN = Pattern.compile("securityMatcher\\s*\\(\\s*EndpointRequest"
            + "\\.toAnyEndpoint\\(\\)");
    private static final Pattern ANY_REQUEST_RULE = Pattern.compile("anyRequest\\(\\)\\s*" + RESTRICTS);

    private ActuatorAccess() {
    }

    /**
     * Where the sources of the module that holds {@code configuration} restrict the endpoints under
     * {@code basePath} ({@code /actuator} unless management.endpoints.web.base-path moves them), as
     * {@code "SecurityConfiguration.java:82 (hasAuthority)"}; empty when nothing does.
     */
    static Optional<String> restriction(Path configuration, String basePath, AuditContext context) {
        Path module = module(configuration, context.root());
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.JAVA_SOURCE)) {
            Path source = input.path().toAbsolutePath().normalize();
            if (source.startsWith(module)) {
                Optional<String> found = read(input.path(), context).flatMap(text -> restrictionIn(text, basePath))
                        .map(where -> source.getFileName() + ":" + where);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Where {@code text} (one Java source) restricts the endpoints under {@code basePath}: "line (method)". */
    static Optional<String> restrictionIn(String text, String basePath) {
        if (!text.contains("HttpSecurity")) {
            return Optional.empty();
        }
        String base = basePath.replaceAll("/+$", "");
        Matcher rule = MATCHER_RULE.matcher(text);
        while (rule.find()) {
            String matched = rule.group(1);
            if (matched.contains("\"" + base + "/**\"") || matched.contains("\"" + base + "/*\"")
                    || matched.contains("EndpointRequest.toAnyEndpoint()")) {
                return Optional.of(line(text, rule.start(2)) + " (" + rule.group(2) + ")");
            }
        }
        Matcher anyRequest = ANY_REQUEST_RULE.matcher(text);
        if (SCOPED_CHAIN.matcher(text).find() && anyRequest.find()) {
            return Optional.of(line(text, anyRequest.start(1)) + " (" + anyRequest.group(1) + ")");
        }
        return Optional.empty();
    }

    /** The folder above {@code src} of a module's configuration; the audited directory when there is none. */
    private static Path module(Path configuration, Path root) {
        Path absolute = configuration.toAbsolutePath().normalize();
        for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
            if (folder.getFileName() != null && folder.getFileName().toString().equals("src")
                    && folder.getParent() != null) {
                return folder.getParent();
            }
        }
        return root.toAbsolutePath().normalize();
    }

    private static Optional<String> read(Path file, AuditContext context) {
        try {
            return Optional.of(new String(InputFiles.readAllBytes(file, MAX_BYTES), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException unreadable) {
            context.problem(Problem.warning(Location.wholeFile(file), "cannot read Java source for its Spring "
                    + "Security rules: " + unreadable.getMessage()));
            return Optional.empty();
        }
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}

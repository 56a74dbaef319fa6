package dev.custommodels.testkit.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of an emulated service: a method and a path template such as
 * {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearning/workspaces/{ws}}, matched
 * case-insensitively on the literal parts as ARM does, each with its handler.
 */
public final class Routes {

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles a request.
         *
         * @param request the request
         * @param vars the template variables, by name
         * @return the response
         * @throws Exception on failure; the emulator answers 500 with the message
         */
        EmulatorResponse handle(EmulatorRequest request, Map<String, String> vars) throws Exception;
    }

    private record Route(String method, Pattern pattern, List<String> names, Handler handler) {
    }

    /** A matched route. */
    record Match(Handler handler, Map<String, String> vars) {
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @param method the HTTP method
     * @param template the path template; {@code {name}} matches one segment, {@code {name*}} the rest
     * @param handler the handler
     * @return this
     */
    public Routes add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{([A-Za-z0-9_]+)(\\*?)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        routes.add(new Route(method.toUpperCase(Locale.ROOT),
                Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE), names, handler));
        return this;
    }

    /**
     * Adds a GET route.
     *
     * @param template the path template
     * @param handler the handler
     * @return this
     */
    public Routes get(String template, Handler handler) {
        return add("GET", template, handler);
    }

    /**
     * Adds a POST route.
     *
     * @param template the path template
     * @param handler the handler
     * @return this
     */
    public Routes post(String template, Handler handler) {
        return add("POST", template, handler);
    }

    /**
     * Adds a PUT route.
     *
     * @param template the path template
     * @param handler the handler
     * @return this
     */
    public Routes put(String template, Handler handler) {
        return add("PUT", template, handler);
    }

    /**
     * Adds a DELETE route.
     *
     * @param template the path template
     * @param handler the handler
     * @return this
     */
    public Routes delete(String template, Handler handler) {
        return add("DELETE", template, handler);
    }

    Optional<Match> match(EmulatorRequest request) {
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(request.path());
            if (m.matches() && r.method().equals(request.method())) {
                Map<String, String> vars = new LinkedHashMap<>();
                for (int i = 0; i < r.names().size(); i++) {
                    vars.put(r.names().get(i), m.group(i + 1));
                }
                return Optional.of(new Match(r.handler(), vars));
            }
        }
        return Optional.empty();
    }

    boolean matchesPathOnly(EmulatorRequest request) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(request.path()).matches());
    }
}

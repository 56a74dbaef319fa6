package dev.custommodels.spi.azure;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the caller's effective permissions on a scope, as
 * {@code Microsoft.Authorization/permissions} lists them.
 *
 * @param actions the allowed action patterns, with {@code *} wildcards
 * @param notActions the action patterns excluded from {@code actions}
 * @param dataActions the allowed data action patterns
 * @param notDataActions the data action patterns excluded from {@code dataActions}
 */
public record ArmPermission(List<String> actions, List<String> notActions, List<String> dataActions,
        List<String> notDataActions) {

    /**
     * Copies the lists; absent lists are empty.
     *
     * @param actions the allowed action patterns, with {@code *} wildcards
     * @param notActions the action patterns excluded from {@code actions}
     * @param dataActions the allowed data action patterns
     * @param notDataActions the data action patterns excluded from {@code dataActions}
     */
    public ArmPermission {
        actions = List.copyOf(actions == null ? List.of() : actions);
        notActions = List.copyOf(notActions == null ? List.of() : notActions);
        dataActions = List.copyOf(dataActions == null ? List.of() : dataActions);
        notDataActions = List.copyOf(notDataActions == null ? List.of() : notDataActions);
    }

    /**
     * Tells whether this entry allows an action: some pattern of {@code actions} matches it and no pattern of
     * {@code notActions} does. Matching ignores case.
     *
     * @param action the action, such as {@code Microsoft.Authorization/roleAssignments/write}
     * @return {@code true} when allowed by this entry
     */
    public boolean allows(String action) {
        return actions.stream().anyMatch(p -> matches(p, action))
                && notActions.stream().noneMatch(p -> matches(p, action));
    }

    /**
     * Matches an action against a pattern with {@code *} wildcards, ignoring case.
     *
     * @param pattern the pattern, such as {@code Microsoft.Authorization/*}
     * @param action the action
     * @return {@code true} on a match
     */
    public static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(action)
                .matches();
    }
}

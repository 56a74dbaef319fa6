package dev.custommodels.testkit.emulator.arm;

import java.util.List;

/** The built-in role the emulated caller holds on a workspace, with the actions ARM reports for it. */
public enum CallerRole {
    /** Owner: every action. */
    OWNER(List.of("*"), List.of()),
    /** User Access Administrator: reads and manages access. */
    USER_ACCESS_ADMINISTRATOR(List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"), List.of()),
    /** Contributor: every action except managing access. */
    CONTRIBUTOR(List.of("*"), List.of("Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
            "Microsoft.Authorization/elevateAccess/Action")),
    /** Reader: reads only; the caller without rights. */
    READER(List.of("*/read"), List.of());

    private final List<String> actions;
    private final List<String> notActions;

    CallerRole(List<String> actions, List<String> notActions) {
        this.actions = actions;
        this.notActions = notActions;
    }

    /**
     * Returns the allowed action patterns.
     *
     * @return the patterns
     */
    public List<String> actions() {
        return actions;
    }

    /**
     * Returns the excluded action patterns.
     *
     * @return the patterns
     */
    public List<String> notActions() {
        return notActions;
    }

    /**
     * Tells whether this role may create role assignments.
     *
     * @return {@code true} for Owner and User Access Administrator
     */
    public boolean canAssignRoles() {
        return this == OWNER || this == USER_ACCESS_ADMINISTRATOR;
    }
}

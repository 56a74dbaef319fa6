package dev.custommodels.spi.azure;

/** The ids of the Azure built-in roles connectors check or assign. */
public final class AzureRoles {
    /** Owner: every action, including role assignments. */
    public static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    /** Contributor: every action except managing access. */
    public static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    /** User Access Administrator: reads and manages access. */
    public static final String USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    /** Reader: reads only. */
    public static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    private AzureRoles() {
    }

    /**
     * Returns the full role definition id of a built-in role in a subscription.
     *
     * @param subscriptionId the subscription
     * @param roleId a role id such as {@link #CONTRIBUTOR}
     * @return {@code /subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{roleId}}
     */
    public static String definitionId(String subscriptionId, String roleId) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + roleId;
    }
}

package io.leadsla.simulator.hubspot;

/**
 * One subscription of the app: a type such as {@code contact.creation}, {@code contact.deletion},
 * {@code contact.merge} or {@code contact.propertyChange} (the latter for one property name).
 */
public record WebhookSubscription(long id, String subscriptionType, String propertyName) {

    public WebhookSubscription {
        if (subscriptionType == null || !subscriptionType.contains(".")) {
            throw new IllegalArgumentException("subscriptionType like contact.creation is required");
        }
        if (subscriptionType.endsWith(".propertyChange") && (propertyName == null || propertyName.isBlank())) {
            throw new IllegalArgumentException("a propertyChange subscription needs a property name");
        }
    }

    public static WebhookSubscription contactCreation(long id) {
        return new WebhookSubscription(id, "contact.creation", null);
    }

    public static WebhookSubscription contactDeletion(long id) {
        return new WebhookSubscription(id, "contact.deletion", null);
    }

    public static WebhookSubscription contactMerge(long id) {
        return new WebhookSubscription(id, "contact.merge", null);
    }

    public static WebhookSubscription contactPropertyChange(long id, String propertyName) {
        return new WebhookSubscription(id, "contact.propertyChange", propertyName);
    }
}

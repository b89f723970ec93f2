package org.neurite.api;

import java.util.Optional;

/**
 * What discovery found about one backend provider, for listings such as the CLI's {@code backends}.
 *
 * @param name the provider's name
 * @param priority its rank in automatic selection
 * @param libraryVersion the version of its math library
 * @param providerClass the provider's class name
 * @param failure why it cannot be used, or {@code null} when it is available
 */
@Stability(Stability.Status.STABLE)
public record BackendInfo(String name, int priority, String libraryVersion, String providerClass, String failure) {

    /** True when the backend loaded. */
    public boolean available() {
        return failure == null;
    }

    /** Why the backend cannot be used, when it cannot. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }
}

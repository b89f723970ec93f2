package org.neurite.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a public type may be relied upon, after JUnit's {@code @API} (kept in-house because nn-api
 * depends on the JDK alone).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Stability(Stability.Status.STABLE)
public @interface Stability {

    /** The promise given for the annotated type. */
    Status value();

    /** The levels of promise, strongest first. */
    enum Status {
        /** Will not change incompatibly within a major version. */
        STABLE,
        /** Usable, may change in a minor version after a deprecation. */
        EXPERIMENTAL,
        /** For Neurite's own modules; may change at any time. */
        INTERNAL
    }
}

/**
 * The backend test kit: abstract JUnit 5 contract tests that a backend's tests extend. Exports its one
 * package and opens it to JUnit, which runs the inherited test methods reflectively.
 */
module org.neurite.tck {
    requires transitive org.neurite.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;

    exports org.neurite.tck;

    opens org.neurite.tck to org.junit.platform.commons;
}

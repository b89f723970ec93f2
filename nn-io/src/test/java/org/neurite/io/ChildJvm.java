package org.neurite.io;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts a JVM on the tests' own class path (and module path, flattened), for child-JVM tests. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * {@code java [jvmOptions] -cp <the tests' paths and the code sources of anchors> mainClass args}.
     *
     * @param anchors classes whose jars or folders must be on the child's class path (the main class's, the
     *     code under test's)
     */
    public static List<String> command(List<String> jvmOptions, Class<?> mainClass, List<Class<?>> anchors,
                                       String... args) {
        List<String> path = new ArrayList<>();
        for (String p : new String[] {"jdk.module.path", "java.class.path"}) {
            String v = System.getProperty(p);
            if (v != null && !v.isEmpty()) {
                path.add(v);
            }
        }
        try {
            for (Class<?> c : anchors) {
                path.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a code source that is not a path", e);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, path));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}

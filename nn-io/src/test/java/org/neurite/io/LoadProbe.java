package org.neurite.io;

import java.nio.file.Path;
import org.neurite.core.Mlp;

/** Loads a model file in a JVM of its own (ModelFilesMemoryTest gives it a small heap) and prints its size. */
public final class LoadProbe {

    private LoadProbe() {
    }

    /** {@code args[0]}: the model file. */
    public static void main(String[] args) throws Exception {
        Mlp model = ModelFiles.load(Path.of(args[0]));
        System.out.println("loaded " + model.parameterCount() + " parameters, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap");
    }
}

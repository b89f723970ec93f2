package org.neurite.io.safetensors;

import org.neurite.api.NeuriteException;
import org.neurite.api.Stability;

/**
 * A model file that is not a valid safetensors file, or a request the file cannot answer (a tensor it does not
 * have, a dtype that cannot be decoded as asked). Every problem with a file's content is this one exception:
 * {@link #rule()} says which rule was broken, with a distinct name per rule, and the message names the file,
 * the tensor where there is one, what was expected and what came:
 * {@code model.safetensors: tensor 'w': size-mismatch: expected end - begin = 24 (shape [2, 3] x 4 bytes), got 20}.
 * Names and values taken from the file are shown quoted, with control characters escaped, and cut after 100
 * characters; {@link #tensor()} gives the name whole.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public class ModelFormatException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** The file's name as given. */
    private final String file;
    /** The tensor's name, or null. */
    private final String tensor;
    /** The rule's name. */
    private final String rule;

    /**
     * An exception whose message is {@code file: tensor 'name': rule: expected E, got G}, without the tensor
     * part if {@code tensor} is null.
     *
     * @param file the file as it was given to open (its path's text)
     * @param tensor the name of the tensor the problem is in, or null if it is not about one tensor
     * @param rule the broken rule's name, such as {@code size-mismatch}
     * @param expected what the rule expects
     * @param got what the file has
     */
    public ModelFormatException(String file, String tensor, String rule, String expected, String got) {
        this(file, tensor, rule, expected, got, null);
    }

    /** As {@link #ModelFormatException(String, String, String, String, String)}, with a cause. */
    public ModelFormatException(String file, String tensor, String rule, String expected, String got,
            Throwable cause) {
        super(file + ": " + (tensor != null ? "tensor " + Shown.quote(tensor) + ": " : "") + rule + ": expected "
                + expected + ", got " + got, cause);
        this.file = file;
        this.tensor = tensor;
        this.rule = rule;
    }

    /**
     * A name or value taken from a file as these messages show it: in single quotes, control characters
     * escaped, cut after 100 characters; for the messages of checks built on this package's.
     */
    public static String quote(String fromFile) {
        return Shown.quote(fromFile);
    }

    /** The file the problem is in, as it was given. */
    public String file() {
        return file;
    }

    /** The name of the tensor the problem is in, whole, or null if the problem is not about one tensor. */
    public String tensor() {
        return tensor;
    }

    /** The broken rule's name, such as {@code header-too-large}; each rule has its own. */
    public String rule() {
        return rule;
    }
}

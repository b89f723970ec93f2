package org.neurite.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.broadcast.Broadcast;
import org.neurite.core.Mlp;
import org.neurite.io.ModelFiles;

/**
 * A model file's bytes and their SHA-256, what the driver broadcasts; and the per-JVM cache of the parsed
 * models, keyed by that hash, so that each executor JVM parses a given file once however many tasks,
 * stages and jobs use it.
 */
record ModelBytes(String sha256, byte[] bytes) implements Serializable {

    /** Models kept per JVM; past that the cache is emptied (a long-lived executor scoring many files). */
    private static final int MAX_MODELS = 16;
    private static final Map<String, Mlp> MODELS = new ConcurrentHashMap<>();
    private static final AtomicInteger PARSES = new AtomicInteger();

    static ModelBytes of(byte[] bytes) {
        try {
            return new ModelBytes(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    bytes.clone());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static ModelBytes of(Mlp model) {
        try {
            Path file = Files.createTempFile("neurite-", ".safetensors");
            try {
                ModelFiles.save(model, file);
                return of(Files.readAllBytes(file));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model to a temporary file", e);
        }
    }

    /** Parses the bytes (through a temporary file: ModelFiles maps files); a new model each call. */
    Mlp parse() {
        try {
            Path file = Files.createTempFile("neurite-" + sha256.substring(0, 12) + "-", ".safetensors");
            try {
                Files.write(file, bytes);
                PARSES.incrementAndGet();
                return ModelFiles.load(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not parse the broadcast model " + sha256, e);
        }
    }

    /**
     * The model whose bytes have hash {@code sha256}, parsed from {@code broadcast} only if this JVM has not
     * parsed it yet (the broadcast's value is then not even fetched). Thread-safe; the model is shared.
     */
    static Mlp cached(String sha256, Broadcast<ModelBytes> broadcast) {
        Mlp model = MODELS.get(sha256);
        if (model != null) {
            return model;
        }
        if (MODELS.size() >= MAX_MODELS) {
            MODELS.clear();
        }
        return MODELS.computeIfAbsent(sha256, k -> broadcast.value().parse());
    }

    /** How many times this JVM has parsed a broadcast model (tests check that it is once per file). */
    static int parses() {
        return PARSES.get();
    }
}

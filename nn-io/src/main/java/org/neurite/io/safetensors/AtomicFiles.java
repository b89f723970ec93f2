package org.neurite.io.safetensors;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replacing a file whole or not at all: write a temporary file in the target's folder, force it to the
 * device, rename it over the target, then (best effort) force the folder so the rename lasts too.
 */
final class AtomicFiles {
    private static final Set<PosixFilePermission> DEFAULT = PosixFilePermissions.fromString("rw-r--r--");

    /** What fills the temporary file. */
    interface Content {
        /** Writes the whole file to {@code channel}, positioned at 0. */
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to a temporary file {@code .NAME.*.tmp} beside {@code target}, forces it, and
     * moves it over {@code target} atomically ({@code ATOMIC_MOVE}; where the file system cannot, a plain
     * {@code REPLACE_EXISTING} move, which may not be atomic). On any failure the temporary file is deleted
     * and the target is as it was. The new file gets the old target's POSIX permissions, or
     * {@code rw-r--r--} if there was none (rather than the temporary file's {@code rw-------}).
     */
    static void replace(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            permissions(absolute, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceFolder(dir);
    }

    private static void permissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target) : DEFAULT);
        }
    }

    /** Forces the folder's entries (the rename) to the device where the platform can; Windows cannot. */
    private static void forceFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Best effort: the file itself is already forced and in place.
        }
    }
}

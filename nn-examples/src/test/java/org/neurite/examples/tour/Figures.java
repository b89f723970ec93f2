package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks on the PNGs the tour writes: they exist, decode, have the expected size and are not blank. */
final class Figures {

    /** A chart has text, axes, curves or colour bands: far more colours than a blank or one-colour image. */
    static final int MIN_DISTINCT_COLOURS = 40;

    private Figures() {
    }

    static BufferedImage assertFigure(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing figure " + file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "not a decodable image: " + file);
        assertEquals(width, image.getWidth(), "width of " + file.getFileName());
        assertEquals(height, image.getHeight(), "height of " + file.getFileName());
        int colours = distinctColours(image);
        assertTrue(colours >= MIN_DISTINCT_COLOURS, file.getFileName() + " looks blank: " + colours + " colours");
        return image;
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

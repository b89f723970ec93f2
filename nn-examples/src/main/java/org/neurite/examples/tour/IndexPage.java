package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.List;
import org.neurite.examples.tour.SectionResult.Figure;

/**
 * {@code index.html}: one self-contained page, the sections grouped under the tutorial's parts, each
 * section's text with every figure placed where the section wrote it. A section prints a
 * {@link TourContext#figureLine figure line} when it writes a figure; the page splits the text at those
 * lines and shows the image there instead, so text and figures interleave in the order they were made.
 */
final class IndexPage {

    /** A piece of a section on the page: a run of its text, or one of its figures. */
    sealed interface Piece permits Text, Image { }

    /** Printed text between two figures (or before the first, or after the last). */
    record Text(String text) implements Piece { }

    /** A figure, where the section printed its figure line. */
    record Image(Figure figure) implements Piece { }

    private IndexPage() {
    }

    static String html(TourContext ctx, List<SectionResult> results) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Neurite: the tutorial tour</title>\n<style>\n")
                .append("body { font-family: sans-serif; max-width: 1500px; margin: 2em auto; padding: 0 1em; "
                        + "color: #222; }\n")
                .append("figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; "
                        + "border: 1px solid #ddd; }\n")
                .append("figcaption { color: #555; margin-top: .3em; }\n")
                .append("pre { background: #f6f8fa; padding: 1em; overflow-x: auto; font-size: 13px; }\n")
                .append("h2.part { border-bottom: 2px solid #ccc; margin-top: 2.5em; }\n")
                .append("nav li { margin: .2em 0; }\n</style>\n</head>\n<body>\n")
                .append("<h1>Neurite: the tutorial tour</h1>\n")
                .append("<p>Every number below was computed by Neurite on backend <code>")
                .append(escape(ctx.backend().name())).append("</code> in <code>").append(ctx.dtype())
                .append("</code>, seed <code>").append(ctx.seed()).append("</code>.</p>\n");
        List<List<Integer>> parts = parts(results);
        h.append("<nav><ol>\n");
        for (List<Integer> part : parts) {
            Section.Part p = results.get(part.get(0)).part();
            h.append("<li><a href=\"#part").append(p.number()).append("\">").append(partTitle(p))
                    .append("</a><ol>\n");
            for (int i : part) {
                h.append("<li value=\"").append(i + 1).append("\"><a href=\"#s").append(i + 1).append("\">")
                        .append(escape(results.get(i).title())).append("</a></li>\n");
            }
            h.append("</ol></li>\n");
        }
        h.append("</ol></nav>\n");
        for (List<Integer> part : parts) {
            Section.Part p = results.get(part.get(0)).part();
            h.append("<h2 class=\"part\" id=\"part").append(p.number()).append("\">").append(partTitle(p))
                    .append("</h2>\n");
            for (int i : part) {
                section(h, i + 1, results.get(i));
            }
        }
        return h.append("</body>\n</html>\n").toString();
    }

    /**
     * The section's text split at its figure lines, with each figure in its place. A figure whose line is
     * not in the text (a section that printed around {@link TourContext#out()}) comes after the text.
     */
    static List<Piece> pieces(SectionResult r) {
        String text = r.text().replace("\r\n", "\n");
        List<Piece> pieces = new ArrayList<>();
        List<Figure> unplaced = new ArrayList<>();
        int at = 0;
        for (Figure f : r.figures()) {
            String line = String.join("\n", WrappingWriter.wrap(TourContext.figureLine(f))) + "\n";
            int found = lineStart(text, line, at);
            if (found < 0) {
                unplaced.add(f);
                continue;
            }
            addText(pieces, text.substring(at, found));
            pieces.add(new Image(f));
            at = found + line.length();
        }
        addText(pieces, text.substring(at));
        unplaced.forEach(f -> pieces.add(new Image(f)));
        return pieces;
    }

    /** Where {@code line} occurs in {@code text} from {@code from} on at the start of a line, or -1. */
    private static int lineStart(String text, String line, int from) {
        for (int i = text.indexOf(line, from); i >= 0; i = text.indexOf(line, i + 1)) {
            if (i == 0 || text.charAt(i - 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Adds the text without its surrounding blank lines, unless nothing else is left. */
    private static void addText(List<Piece> pieces, String text) {
        String trimmed = text.replaceAll("^\\s*\n", "").stripTrailing();
        if (!trimmed.isEmpty()) {
            pieces.add(new Text(trimmed));
        }
    }

    /** The indexes of the results, grouped into runs of the same part, in order. */
    private static List<List<Integer>> parts(List<SectionResult> results) {
        List<List<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (i == 0 || results.get(i).part() != results.get(i - 1).part()) {
                parts.add(new ArrayList<>());
            }
            parts.get(parts.size() - 1).add(i);
        }
        return parts;
    }

    private static String partTitle(Section.Part p) {
        return "Part " + p.number() + ": " + escape(p.title());
    }

    private static void section(StringBuilder h, int number, SectionResult r) {
        h.append("<section id=\"s").append(number).append("\">\n<h3>").append(number).append(". ")
                .append(escape(r.title())).append("</h3>\n");
        for (Piece piece : pieces(r)) {
            if (piece instanceof Text t) {
                h.append("<pre>").append(escape(t.text())).append("</pre>\n");
            } else if (piece instanceof Image image) {
                Figure f = image.figure();
                h.append("<figure><img src=\"").append(escape(f.fileName())).append("\" width=\"").append(f.width())
                        .append("\" height=\"").append(f.height()).append("\" alt=\"").append(escape(f.caption()))
                        .append("\"><figcaption><code>").append(escape(f.fileName())).append("</code>: ")
                        .append(escape(f.caption())).append("</figcaption></figure>\n");
            }
        }
        h.append("</section>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

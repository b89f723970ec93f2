package org.neurite.examples.tour;

import java.util.List;
import org.neurite.examples.tour.SectionResult.Figure;

/** {@code index.html}: one self-contained page, each section's title, its figures in order, then its text. */
final class IndexPage {

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
                .append("nav li { margin: .2em 0; }\n</style>\n</head>\n<body>\n")
                .append("<h1>Neurite: the tutorial tour</h1>\n")
                .append("<p>Every number below was computed by Neurite on backend <code>")
                .append(escape(ctx.backend().name())).append("</code> in <code>").append(ctx.dtype())
                .append("</code>, seed <code>").append(ctx.seed()).append("</code>.</p>\n<nav><ol>\n");
        for (int i = 0; i < results.size(); i++) {
            h.append("<li><a href=\"#s").append(i + 1).append("\">").append(escape(results.get(i).title()))
                    .append("</a></li>\n");
        }
        h.append("</ol></nav>\n");
        for (int i = 0; i < results.size(); i++) {
            SectionResult r = results.get(i);
            h.append("<section id=\"s").append(i + 1).append("\">\n<h2>").append(i + 1).append(". ")
                    .append(escape(r.title())).append("</h2>\n");
            for (Figure f : r.figures()) {
                h.append("<figure><img src=\"").append(escape(f.fileName())).append("\" width=\"").append(f.width())
                        .append("\" height=\"").append(f.height()).append("\" alt=\"").append(escape(f.caption()))
                        .append("\"><figcaption><code>").append(escape(f.fileName())).append("</code>: ")
                        .append(escape(f.caption())).append("</figcaption></figure>\n");
            }
            h.append("<pre>").append(escape(r.text())).append("</pre>\n</section>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.neurite.examples.cli;

/**
 * A text field of an output CSV file ({@code serve-example}'s and {@code predict}'s ids and labels), made
 * safe to open in a spreadsheet. Following OWASP's advice on CSV injection, a field that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single quote in front, so
 * that no spreadsheet reads it as a formula; every control character (U+0000 to U+001F, U+007F to U+009F:
 * line breaks, tabs, escape sequences for a terminal) is replaced by U+FFFD; a field with a comma or a
 * double quote is quoted, {@code ""} standing for a quote.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String field(String s) {
        StringBuilder b = new StringBuilder(s.length() + 3);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            b.append('\'');
        }
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append('\uFFFD');
            } else {
                quote |= c == ',' || c == '"';
                b.append(c == '"' ? "\"\"" : String.valueOf(c));
            }
        }
        return quote ? "\"" + b + "\"" : b.toString();
    }
}

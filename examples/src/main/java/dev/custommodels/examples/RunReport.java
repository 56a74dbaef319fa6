package dev.custommodels.examples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A self-contained HTML report of one run: its figures, the mapping table, the lineage, and a histogram of the
 * score distribution drawn as inline SVG. No scripts, no external files.
 *
 * @param title the report's title
 * @param figures the run's figures in display order (name to value)
 * @param mappingHeader the mapping table's column names
 * @param mappingRows the mapping table's rows
 * @param lineage the lineage facts in display order (name to value)
 * @param scoreName the name of the score column
 * @param histogram the score histogram
 */
public record RunReport(String title, Map<String, String> figures, List<String> mappingHeader,
        List<List<String>> mappingRows, Map<String, String> lineage, String scoreName, Histogram histogram) {

    /**
     * Checks the parts and copies the collections, keeping the order of the maps.
     *
     * @param title the report's title
     * @param figures the run's figures in display order
     * @param mappingHeader the mapping table's column names
     * @param mappingRows the mapping table's rows
     * @param lineage the lineage facts in display order
     * @param scoreName the name of the score column
     * @param histogram the score histogram
     */
    public RunReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(histogram, "histogram");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        mappingHeader = List.copyOf(mappingHeader);
        mappingRows = List.copyOf(mappingRows);
        lineage = Collections.unmodifiableMap(new LinkedHashMap<>(lineage));
    }

    /**
     * Counts of values in equal-width bins over [min, max].
     *
     * @param min the lower bound
     * @param max the upper bound
     * @param counts the count per bin
     */
    public record Histogram(double min, double max, long[] counts) {

        /**
         * Creates an empty histogram.
         *
         * @param min the lower bound
         * @param max the upper bound, above min
         * @param bins the number of bins
         * @return the histogram
         */
        public static Histogram of(double min, double max, int bins) {
            if (!(max > min) || bins < 1) {
                throw new IllegalArgumentException("A histogram needs max > min and at least one bin.");
            }
            return new Histogram(min, max, new long[bins]);
        }

        /**
         * Counts one value; values outside the range go to the first or last bin.
         *
         * @param value the value
         */
        public void add(double value) {
            int bin = (int) Math.floor((value - min) / (max - min) * counts.length);
            counts[Math.max(0, Math.min(counts.length - 1, bin))]++;
        }

        /**
         * Returns the total count.
         *
         * @return the number of values added
         */
        public long total() {
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            return t;
        }
    }

    /**
     * Writes the report.
     *
     * @param file where to write the HTML
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                    + "</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}"
                    + "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;"
                    + "text-align:left;font-size:.9rem}th{background:#f3f3f3}h2{margin-top:2rem}</style></head><body>\n");
            w.write("<h1>" + esc(title) + "</h1>\n");
            w.write("<h2>Figures</h2>\n" + table(List.of("Figure", "Value"), pairs(figures)));
            w.write("<h2>Score distribution: " + esc(scoreName) + "</h2>\n" + svg() + "\n");
            w.write("<h2>Mapping</h2>\n" + table(mappingHeader, mappingRows));
            w.write("<h2>Lineage</h2>\n" + table(List.of("Fact", "Value"), pairs(lineage)));
            w.write("</body></html>\n");
        }
    }

    private static List<List<String>> pairs(Map<String, String> map) {
        return map.entrySet().stream()
                .map(e -> List.of(e.getKey(), e.getValue())).toList();
    }

    /**
     * Draws the histogram as an SVG element.
     *
     * @return the SVG markup
     */
    public String svg() {
        int width = 640;
        int height = 260;
        int left = 50;
        int bottom = 30;
        int plotW = width - left - 30;
        int plotH = height - bottom - 10;
        long[] counts = histogram.counts();
        long peak = 1;
        for (long c : counts) {
            peak = Math.max(peak, c);
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"Histogram of %s\">", width, height, esc(scoreName)));
        double barW = (double) plotW / counts.length;
        for (int i = 0; i < counts.length; i++) {
            double h = (double) counts[i] / peak * plotH;
            double lo = histogram.min() + (histogram.max() - histogram.min()) * i / counts.length;
            double hi = histogram.min() + (histogram.max() - histogram.min()) * (i + 1) / counts.length;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"#2f6db3\"><title>%.2f–%.2f: %d</title></rect>", left + i * barW + 1,
                    10 + plotH - h, Math.max(1, barW - 2), h, lo, hi, counts[i]));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                left, 10 + plotH, left + plotW, 10 + plotH));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                left, left, 10 + plotH));
        for (int t = 0; t <= 4; t++) {
            double v = histogram.min() + (histogram.max() - histogram.min()) * t / 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
                    + "%.2f</text>", left + plotW * t / 4.0, height - 10, v));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"11\" text-anchor=\"end\">%d</text>",
                left - 4, peak));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">0</text>",
                left - 4, 10 + plotH));
        return s.append("</svg>").toString();
    }

    private static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table><thead><tr>");
        header.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

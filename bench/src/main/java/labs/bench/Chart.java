package labs.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A line chart drawn with java.awt into a PNG, headless: enough for the report, no chart library.
 * The x axis is logarithmic (clients, connections, or messages a second); the y axis logarithmic or linear.
 *
 * <p>Thread safety: confined to the thread that builds and writes it.
 */
final class Chart {
    /** One line: its points, colour, and whether it is dashed (p99 beside a solid p50). */
    record Series(String name, Color color, boolean dashed, List<double[]> points) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 250;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    Chart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    Chart add(Series s) {
        if (!s.points().isEmpty()) {
            series.add(s);
        }
        return this;
    }

    void write(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g);
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private void draw(Graphics2D g) {
        double[] xs = range(0);
        double[] ys = range(1);
        double yMin = logY ? Math.pow(10, Math.floor(Math.log10(ys[0]))) : 0;
        double yMax = logY ? Math.pow(10, Math.ceil(Math.log10(ys[1]))) : niceCeiling(ys[1]);
        Axes axes = new Axes(Math.log10(xs[0]), Math.log10(xs[1]), scale(yMin), scale(yMax));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double x : xTicks()) {
            int px = axes.x(Math.log10(x));
            grid(g, px, TOP, px, HEIGHT - BOTTOM);
            g.drawString(String.format(Locale.ROOT, "%,.0f", x), px - 10, HEIGHT - BOTTOM + 18);
        }
        List<Double> ticks = new ArrayList<>();
        if (logY) {
            for (double y = yMin; y <= yMax * 1.0001; y *= 10) {
                ticks.add(y);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(yMax * i / 5);
            }
        }
        for (double y : ticks) {
            int py = axes.y(scale(y));
            grid(g, LEFT, py, WIDTH - RIGHT, py);
            g.drawString(label(y), 10, py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        g.drawString(xLabel, LEFT + (WIDTH - LEFT - RIGHT) / 2 - 40, HEIGHT - 20);
        g.drawString(yLabel, 10, TOP - 8);
        int legendY = TOP + 10;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(stroke(s.dashed()));
            int[] last = null;
            for (double[] p : s.points()) {
                int[] here = {axes.x(Math.log10(p[0])), axes.y(scale(Math.max(p[1], yMin)))};
                g.fillOval(here[0] - 3, here[1] - 3, 7, 7);
                if (last != null) {
                    g.drawLine(last[0], last[1], here[0], here[1]);
                }
                last = here;
            }
            g.drawLine(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 45, legendY);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), WIDTH - RIGHT + 52, legendY + 4);
            legendY += 20;
        }
    }

    /** Maps data to pixels inside the frame. */
    private record Axes(double x0, double x1, double y0, double y1) {
        int x(double v) {
            return LEFT + (int) Math.round((v - x0) / Math.max(1e-9, x1 - x0) * (WIDTH - LEFT - RIGHT));
        }

        int y(double v) {
            return HEIGHT - BOTTOM - (int) Math.round((v - y0) / Math.max(1e-9, y1 - y0) * (HEIGHT - TOP - BOTTOM));
        }
    }

    /** Every x that has data: the numbers of clients or connections that were measured. */
    private List<Double> xTicks() {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (Series s : series) {
            s.points().forEach(p -> xs.add(p[0]));
        }
        return new ArrayList<>(xs);
    }

    private double[] range(int coordinate) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double[] p : s.points()) {
                if (p[coordinate] > 0) {
                    min = Math.min(min, p[coordinate]);
                    max = Math.max(max, p[coordinate]);
                }
            }
        }
        return min > max ? new double[] {1, 10} : new double[] {min, max > min ? max : min * 10};
    }

    private double scale(double y) {
        return logY ? Math.log10(y) : y;
    }

    private static double niceCeiling(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        return Math.ceil(v / step) * step;
    }

    static String label(double v) {
        if (v >= 1) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return new BigDecimal(v).round(new MathContext(1)).stripTrailingZeros().toPlainString(); // 0.1, 0.01
    }

    private static void grid(Graphics2D g, int x1, int y1, int x2, int y2) {
        g.setColor(new Color(225, 225, 225));
        g.setStroke(new BasicStroke(1));
        g.drawLine(x1, y1, x2, y2);
        g.setColor(Color.DARK_GRAY);
    }

    private static Stroke stroke(boolean dashed) {
        return dashed
                ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 5}, 0)
                : new BasicStroke(2.5f);
    }
}

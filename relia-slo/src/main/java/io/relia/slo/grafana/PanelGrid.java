package io.relia.slo.grafana;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static io.relia.slo.grafana.DashboardJson.NODES;

/**
 * Lays panels out on Grafana's grid, 24 columns wide, top to bottom in lines, and numbers them 1, 2, 3... in that
 * order, so ids are unique and rectangles never overlap.
 */
final class PanelGrid {

    /** Grafana's grid width, in columns. */
    static final int WIDTH = 24;

    /**
     * A panel and its width in columns.
     *
     * @param panel the panel
     * @param width columns, 1..24
     */
    record Cell(ObjectNode panel, int width) {
    }

    private final ArrayNode panels = NODES.arrayNode();
    private int nextId = 1;
    private int y;

    /** A row header, one unit high, across the grid. */
    void row(ObjectNode row) {
        place(row, 0, WIDTH, 1);
        y += 1;
    }

    /** One line of panels of the same height, left to right. */
    void line(int height, List<Cell> cells) {
        int x = 0;
        for (Cell cell : cells) {
            if (x + cell.width() > WIDTH) {
                throw new IllegalArgumentException("a line of panels is wider than the grid: " + cells.size());
            }
            place(cell.panel(), x, cell.width(), height);
            x += cell.width();
        }
        y += height;
    }

    /** Panels of equal width, at most {@code perLine} to a line (a divisor of 24), as many lines as needed. */
    void lines(int height, List<ObjectNode> all, int perLine) {
        for (int start = 0; start < all.size(); start += perLine) {
            List<ObjectNode> line = all.subList(start, Math.min(all.size(), start + perLine));
            int width = WIDTH / line.size();
            line(height, line.stream().map(panel -> new Cell(panel, width)).toList());
        }
    }

    /** The panels placed so far. */
    ArrayNode panels() {
        return panels;
    }

    private void place(ObjectNode panel, int x, int width, int height) {
        panel.put("id", nextId++);
        panel.putObject("gridPos").put("h", height).put("w", width).put("x", x).put("y", y);
        panels.add(panel);
    }
}

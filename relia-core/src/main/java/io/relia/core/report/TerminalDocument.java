package io.relia.core.report;

import java.util.List;

/**
 * A document with every string made safe for a terminal ({@link TerminalText}), so that the text writer lays out and
 * colours only text that cannot act on the terminal itself. Titles, headings, labels, table headers and chart text
 * are one line; prose, table cells, details and code keep their line breaks.
 */
final class TerminalDocument {

    private TerminalDocument() {
    }

    static Document of(Document document) {
        return new Document(TerminalText.oneLine(document.title()),
                document.blocks().stream().map(TerminalDocument::block).toList());
    }

    private static Document.Block block(Document.Block block) {
        return switch (block) {
            case Document.Heading heading -> new Document.Heading(heading.level(),
                    TerminalText.oneLine(heading.text()));
            case Document.Paragraph paragraph -> new Document.Paragraph(TerminalText.multiLine(paragraph.text()),
                    paragraph.tone());
            case Document.BulletList list -> new Document.BulletList(lines(list.items()));
            case Document.Table table -> new Document.Table(oneLines(table.headers()), table.rows().stream()
                    .map(row -> row.stream().map(cell -> new Document.Cell(TerminalText.multiLine(cell.text()),
                            cell.tone())).toList()).toList());
            case Document.StatusList list -> new Document.StatusList(oneLines(list.headers()), list.items().stream()
                    .map(item -> new Document.StatusItem(TerminalText.oneLine(item.status()), item.tone(),
                            TerminalText.oneLine(item.title()), lines(item.details()))).toList());
            case Document.Chart chart -> new Document.Chart(chart(chart.data()));
            case Document.Code code -> new Document.Code(TerminalText.multiLine(code.text()));
        };
    }

    private static ChartData chart(ChartData data) {
        ChartData.Domain x = data.x();
        ChartData.ValueAxis y = data.y();
        return new ChartData(TerminalText.oneLine(data.title()), data.kind(),
                new ChartData.Domain(x.scale(), TerminalText.oneLine(x.title()), TerminalText.oneLine(x.unit()),
                        oneLines(x.labels()), x.values()),
                new ChartData.ValueAxis(TerminalText.oneLine(y.title()), TerminalText.oneLine(y.unit()), y.fromZero(),
                        y.ceiling()),
                data.series().stream().map(series -> new ChartData.Series(TerminalText.oneLine(series.name()),
                        series.values(), series.colour())).toList(),
                data.references().stream().map(reference -> new ChartData.Reference(reference.value(),
                        TerminalText.oneLine(reference.label()), reference.colour())).toList(),
                data.bands().stream().map(band -> new ChartData.Band(band.from(), band.to(),
                        TerminalText.oneLine(band.label()), band.excluded())).toList());
    }

    private static List<String> oneLines(List<String> texts) {
        return texts.stream().map(TerminalText::oneLine).toList();
    }

    private static List<String> lines(List<String> texts) {
        return texts.stream().map(TerminalText::multiLine).toList();
    }
}

package io.relia.core.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The plain text of a heading or paragraph: text, code spans in backticks, line breaks as spaces. */
final class InlineText extends AbstractVisitor {

    private final StringBuilder text = new StringBuilder();

    private InlineText() {
    }

    static String of(Node node) {
        InlineText visitor = new InlineText();
        node.accept(visitor);
        return visitor.text.toString().replaceAll("\\s+", " ").strip();
    }

    @Override
    public void visit(Text node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(Code node) {
        text.append('`').append(node.getLiteral()).append('`');
    }

    @Override
    public void visit(SoftLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
        text.append(' ');
    }
}

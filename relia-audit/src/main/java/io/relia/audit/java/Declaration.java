package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;

import java.util.List;
import java.util.Optional;

/**
 * Where a name is declared, found by walking out from its use through blocks, parameters and fields of the
 * enclosing classes (no symbol solver: names declared in other files are not found).
 *
 * @param type        the declared type as written ({@code var} included)
 * @param initializer the initializer, for locals and fields that have one
 * @param node        the declarator or parameter
 */
record Declaration(Type type, Optional<Expression> initializer, Node node) {

    /** The nearest declaration of {@code name} visible where it is used (locals, parameters, fields). */
    static Optional<Declaration> of(NameExpr name) {
        String wanted = name.getNameAsString();
        Node node = name;
        while (node.getParentNode().isPresent()) {
            Node parent = node.getParentNode().get();
            Optional<Declaration> found = declaredIn(parent, wanted);
            if (found.isPresent()) {
                return found;
            }
            node = parent;
        }
        return Optional.empty();
    }

    /** The field {@code wanted} of the class enclosing {@code inside}. */
    static Optional<Declaration> field(Node inside, String wanted) {
        return SourceFile.ancestor(inside, TypeDeclaration.class).flatMap(type -> declaredIn(type, wanted));
    }

    private static Optional<Declaration> declaredIn(Node scope, String wanted) {
        if (scope instanceof BlockStmt block) {
            for (Statement statement : block.getStatements()) {
                if (statement instanceof ExpressionStmt expression
                        && expression.getExpression() instanceof VariableDeclarationExpr declaration) {
                    Optional<Declaration> found = among(declaration.getVariables(), wanted);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        } else if (scope instanceof CallableDeclaration<?> callable) {
            return parameter(callable.getParameters(), wanted);
        } else if (scope instanceof LambdaExpr lambda) {
            return parameter(lambda.getParameters(), wanted);
        } else if (scope instanceof ForStmt loop) {
            for (Expression init : loop.getInitialization()) {
                if (init instanceof VariableDeclarationExpr declaration) {
                    Optional<Declaration> found = among(declaration.getVariables(), wanted);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        } else if (scope instanceof ForEachStmt loop) {
            return among(loop.getVariable().getVariables(), wanted);
        } else if (scope instanceof TryStmt tryStmt) {
            for (Expression resource : tryStmt.getResources()) {
                if (resource instanceof VariableDeclarationExpr declaration) {
                    Optional<Declaration> found = among(declaration.getVariables(), wanted);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        } else if (scope instanceof CatchClause catchClause) {
            return parameter(NodeList.nodeList(catchClause.getParameter()), wanted);
        } else if (scope instanceof TypeDeclaration<?> type) {
            for (BodyDeclaration<?> member : type.getMembers()) {
                if (member instanceof FieldDeclaration field) {
                    Optional<Declaration> found = among(field.getVariables(), wanted);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            if (type instanceof RecordDeclaration recordType) {
                return parameter(recordType.getParameters(), wanted);
            }
        }
        return Optional.empty();
    }

    private static Optional<Declaration> among(List<VariableDeclarator> variables, String wanted) {
        return variables.stream().filter(v -> v.getNameAsString().equals(wanted)).findFirst()
                .map(v -> new Declaration(v.getType(), v.getInitializer(), v));
    }

    private static Optional<Declaration> parameter(List<Parameter> parameters, String wanted) {
        return parameters.stream().filter(p -> p.getNameAsString().equals(wanted)).findFirst()
                .map(p -> new Declaration(p.getType(), Optional.empty(), p));
    }
}

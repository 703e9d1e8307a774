package org.lotkeeper.api;

import java.util.List;

/**
 * Thrown by a type when a request breaks one of its rules. Nothing is posted.
 *
 * @since 1
 */
public class AdjustmentRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public AdjustmentRejectedException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public AdjustmentRejectedException(Problem problem) {
        this(List.of(problem));
    }

    /** Returns the problems, at least one. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A rejection needs at least one problem");
        }
        Problem first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}

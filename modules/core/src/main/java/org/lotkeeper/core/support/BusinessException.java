package org.lotkeeper.core.support;

import java.util.List;

import jakarta.ejb.ApplicationException;

import org.lotkeeper.api.Problem;

/**
 * A rejection that callers can act on: a stable code, a one-line title and the problems, each
 * naming the field, the value and the rule. Throwing it rolls back the transaction, so a rejected
 * document writes nothing.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<Problem> problems;

    public BusinessException(ErrorCode code, String title, List<Problem> problems) {
        super(title);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public BusinessException(ErrorCode code, String field, Object value, String message) {
        this(code, message, List.of(new Problem(field, value == null ? null : value.toString(), message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }

    public static BusinessException notFound(String field, Object value, String what) {
        return new BusinessException(ErrorCode.NOT_FOUND, field, value, what + " " + value + " does not exist.");
    }

    public static BusinessException invalid(String field, Object value, String message) {
        return new BusinessException(ErrorCode.INVALID_INPUT, field, value, message);
    }

    public static BusinessException rule(String field, Object value, String message) {
        return new BusinessException(ErrorCode.RULE_VIOLATION, field, value, message);
    }
}

package org.lotkeeper.web.rest;

import java.util.List;

import org.lotkeeper.api.Problem;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/** Malformed request input, reported as 400 with every problem found. */
public class InvalidJsonException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidJsonException(List<Problem> problems) {
        super(ErrorCode.INVALID_INPUT, problems.get(0).field() + ": " + problems.get(0).message(), problems);
    }
}

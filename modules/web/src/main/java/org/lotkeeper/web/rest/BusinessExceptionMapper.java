package org.lotkeeper.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.lotkeeper.core.support.BusinessException;

/** Maps business rejections to problem responses with the status of their code. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException e) {
        int status = e.code().httpStatus();
        String title = switch (e.code()) {
            case INVALID_INPUT -> "Invalid input";
            case ACCESS_DENIED -> "Access denied";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case PAYLOAD_TOO_LARGE -> "Too large";
            case RULE_VIOLATION -> "Rejected by a stock rule";
            case TYPE_FAILED -> "Adjustment type failed";
            case TYPE_BUSY -> "Adjustment type busy";
            case TYPE_TIMED_OUT -> "Adjustment type timed out";
        };
        return ProblemResponses.of(status, e.code().slug(), title, e.getMessage(), e.problems());
    }
}

package org.lotkeeper.web.rest;

import org.lotkeeper.core.support.BusinessException;

/** Checks paging parameters. */
final class Paging {

    /** Largest page size. */
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw BusinessException.invalid("offset", offset, "The offset must be zero or more.");
        }
        return offset;
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BusinessException.invalid("limit", limit, "The limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }
}

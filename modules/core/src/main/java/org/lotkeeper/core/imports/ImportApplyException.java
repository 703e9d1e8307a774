package org.lotkeeper.core.imports;

import java.util.List;

import org.lotkeeper.core.support.BusinessException;

/**
 * Thrown while applying an import when the core rejects a change, so that the transaction rolls
 * back and the report names the file lines behind the rejection.
 */
class ImportApplyException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportIssue> issues;

    ImportApplyException(BusinessException cause, List<ImportIssue> issues) {
        super(cause.code(), cause.getMessage(), cause.problems());
        initCause(cause);
        this.issues = List.copyOf(issues);
    }

    /** Wraps a rejection of the change made for one row. */
    static ImportApplyException atRow(ImportRow row, BusinessException cause) {
        List<ImportIssue> issues = cause.problems().stream()
                .map(problem -> new ImportIssue(row.line(), null, problem.value(), problem.message()))
                .toList();
        return new ImportApplyException(cause, issues.isEmpty()
                ? List.of(new ImportIssue(row.line(), null, null, cause.getMessage())) : issues);
    }

    List<ImportIssue> issues() {
        return issues;
    }
}

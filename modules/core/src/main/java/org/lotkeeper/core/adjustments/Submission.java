package org.lotkeeper.core.adjustments;

import java.util.List;

import org.lotkeeper.core.posting.PostedLine;

/**
 * The outcome of a submission.
 *
 * @param document the document created, or the original one for a repeated client key
 * @param replayed whether the client key was seen before and the original document is returned
 * @param posted   the lines written by this call, empty for drafts and replays
 */
public record Submission(AdjustmentDocument document, boolean replayed, List<PostedLine> posted) {
}

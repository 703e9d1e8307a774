package org.lotkeeper.web.screens.adjustments;

import java.io.Serializable;

import org.lotkeeper.core.posting.PostedLine;

/**
 * One line of a preview or of a posting: what it does to its lot, with the lot described for
 * people.
 *
 * @param line     the posted line
 * @param lotLabel product, lot code and location of the lot, or "new lot" for a lot the posting would create
 */
public record PreviewRow(PostedLine line, String lotLabel) implements Serializable {
}

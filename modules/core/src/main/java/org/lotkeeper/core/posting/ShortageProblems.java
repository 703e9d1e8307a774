package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.api.Problem;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.support.Decimals;

/**
 * Builds the problems of a lot that would go below zero. The balance is checked for the sum of a
 * document's lines on the lot, so every removal line on it gets a problem of its own that names
 * its quantity field, and the message says which lines were summed when there are several.
 */
final class ShortageProblems {

    private ShortageProblems() {
    }

    /** Returns the net change of the lines, all on one lot. */
    static BigDecimal delta(List<PlannedLine> lines) {
        return lines.stream().map(PlannedLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Returns the problems of removing {@code requested} from {@code lot} when only {@code available} is there. */
    static List<Problem> notEnough(Lot lot, List<PlannedLine> lines, BigDecimal requested, BigDecimal available) {
        Map<String, PlannedLine> removals = removalsByPath(lines);
        String together = removals.size() > 1 ? listed(removals) + " together request " : "requested ";
        String message = "Not enough stock in lot " + lot.getCode() + " of " + lot.getProduct().getSku() + " at "
                + lot.getLocation().getCode() + ": " + together + Decimals.plain(requested) + ", available "
                + Decimals.plain(available) + ".";
        return problems(removals, message);
    }

    /**
     * Returns the problems of a backdated removal that leaves the lot at {@code running} after
     * {@code laterEntry}, a later posting.
     *
     * @param removedOn  the business date of the removal
     * @param laterEntry the business date and document of the later entry, such as {@code 2026-03-01 (document 17)}
     */
    static List<Problem> negativeLater(Lot lot, List<PlannedLine> lines, BigDecimal removed, String removedOn,
                                       BigDecimal running, String laterEntry) {
        Map<String, PlannedLine> removals = removalsByPath(lines);
        String which = removals.size() > 1 ? " (" + listed(removals) + " together)" : "";
        String message = "Removing " + Decimals.plain(removed) + which + " from lot " + lot.getCode() + " of "
                + lot.getProduct().getSku() + " on " + removedOn + " would leave it at " + Decimals.plain(running)
                + " after " + laterEntry + ".";
        return problems(removals, message);
    }

    /** Returns the negative lines by the path of their request line, in document order. */
    private static Map<String, PlannedLine> removalsByPath(List<PlannedLine> lines) {
        Map<String, PlannedLine> removals = new LinkedHashMap<>();
        for (PlannedLine line : lines) {
            if (line.isNegative()) {
                removals.putIfAbsent(line.path(), line);
            }
        }
        return removals;
    }

    /** Returns the paths joined for a sentence: {@code lines[0], lines[1] and lines[3]}. */
    private static String listed(Map<String, PlannedLine> removals) {
        List<String> paths = List.copyOf(removals.keySet());
        return String.join(", ", paths.subList(0, paths.size() - 1)) + " and " + paths.get(paths.size() - 1);
    }

    private static List<Problem> problems(Map<String, PlannedLine> removals, String message) {
        List<Problem> problems = new ArrayList<>();
        for (PlannedLine line : removals.values()) {
            problems.add(new Problem(line.path() + ".quantity", Decimals.plain(line.quotedQuantity()), message));
        }
        return problems;
    }
}

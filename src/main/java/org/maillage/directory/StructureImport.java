package org.maillage.directory;

import java.util.List;
import org.maillage.account.CurrentUser;

/**
 * Importing structures from a CSV file (the columns of the export): a preview that checks every row
 * and writes nothing, then the import of the whole file in one transaction, or nothing at all.
 */
public interface StructureImport {

    /** Columns a file must have; the others of the export are optional ({@code commune} and {@code pole} are ignored). */
    List<String> REQUIRED_COLUMNS = List.of("nom", "famille", "secteur", "code_commune");

    /** Reads and checks the file, keeps it for the import; nothing is added to the directory. */
    Preview preview(CurrentUser user, String fileName, byte[] content);

    /**
     * Imports a previewed file, checked again: every row, or none when any row is refused.
     *
     * @return how many structures were added
     * @throws org.maillage.platform.RuleViolationException when a row is refused (nothing written)
     * @throws org.maillage.platform.NotFoundException when the file is not (or no longer) kept for this user
     */
    int importFile(CurrentUser user, long batchId);

    /**
     * Imports a previewed file: at once when it is short, else in the background (one transaction
     * all the same: every row or none), to be followed with {@link #progress}.
     */
    Started start(CurrentUser user, long batchId);

    /** The state of an import of this user's. */
    Progress progress(CurrentUser user, long batchId);

    /** @param added structures added when imported at once (not in the background) */
    record Started(long batchId, boolean background, int added) {}

    enum Status {
        /** Checked, not imported. */
        PREVIEWED,
        /** Waiting for another import of the same server to end. */
        QUEUED,
        /** Being written (nothing visible before the end). */
        RUNNING,
        DONE,
        /** Nothing written: refused when checked again, or an error. */
        FAILED,
        /** The server stopped during the import: nothing written. */
        INTERRUPTED
    }

    /**
     * @param done rows written so far in the running import
     * @param rows rows to write
     * @param errorKey the message of a failure
     * @param problems rows refused when checked again, for a failure
     */
    record Progress(long batchId, String fileName, Status status, int done, int rows, Integer added, String errorKey,
            Integer problems) {

        public int percent() {
            return rows == 0 ? 0 : (int) Math.min(100, 100L * done / rows);
        }
    }

    /** What is wrong on a line of the file (line 1 is the header). */
    record Problem(int line, String column, String messageKey, List<String> arguments) {}

    /**
     * @param lines data lines read (without the header)
     * @param rows lines that passed every check
     * @param problems the first problems found (at most 500), in file order
     * @param problemCount all problems found
     */
    record Preview(long batchId, String fileName, String encoding, char separator, int lines, int rows,
            List<Problem> problems, int problemCount) {

        public boolean importable() {
            return problemCount == 0 && rows > 0;
        }
    }
}

package org.maillage.platform;

import java.util.List;

/** The append-only audit log of reads of porteurs' files and changes to personal data. */
public interface Audit {

    /**
     * Writes the event, with the current user and the client's address, in the caller's transaction
     * (a change rolled back leaves no audit row; a read is recorded even without a transaction).
     */
    void record(AuditEvent event);

    /** The same, for a person acting on their own data before they are signed in (invitation, reset). */
    void recordAs(Actor actor, AuditEvent event);

    /** One page of rows, newest first; {@code total} counts all matching rows. */
    AuditPage search(AuditQuery query);

    /** The page of results and the total. */
    record AuditPage(List<AuditEntry> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }
}

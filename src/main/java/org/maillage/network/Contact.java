package org.maillage.network;

/** How to reach a pôle or a regional coordination; any field may be unknown ({@code null}). */
public record Contact(String name, String email, String phone, String website, String address) {

    /** Whether there is any way to reach them (email, phone, website or address). */
    public boolean hasDetails() {
        return email != null || phone != null || website != null || address != null;
    }
}

package org.maillage.account;

import java.util.List;

/** A page of accounts. */
public record AccountPage(List<AccountView> accounts, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}

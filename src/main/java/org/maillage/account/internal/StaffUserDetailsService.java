package org.maillage.account.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password login: active staff accounts that have set a password. The login name is the email.
 * Deliberately not a {@code UserDetailsService} bean: Spring Security would otherwise build a second,
 * unthrottled password check from it.
 */
@Service
class StaffUserDetailsService {

    private final UserRepository users;
    private final Principals principals;

    StaffUserDetailsService(UserRepository users, Principals principals) {
        this.users = users;
        this.principals = principals;
    }

    @Transactional(readOnly = true)
    UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email)
                .filter(UserRecord::isActive)
                .filter(user -> user.passwordHash() != null)
                .filter(user -> users.grants(user.id()).stream().anyMatch(grant -> grant.role().isStaff()))
                .map(principals::staffForPasswordCheck)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}

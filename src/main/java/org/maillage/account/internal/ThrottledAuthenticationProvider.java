package org.maillage.account.internal;

import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login with lock-out and rate limiting. Every refusal — unknown address, wrong password,
 * locked account, too many attempts from the client — is the same {@link BadCredentialsException},
 * so the answer never tells whether an address has an account.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    /** Checked against on a refused attempt, so that it takes as long as a real check. */
    private final String decoyHash;

    ThrottledAuthenticationProvider(StaffUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.encoder = encoder;
        this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().strip();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (throttle.refused(email, ip)) {
            // as slow as a real check (a locked account must not answer faster than an unknown one),
            // and counted for the client's rate limit without extending the account's lock
            encoder.matches(String.valueOf(authentication.getCredentials()), decoyHash);
            throttle.refusedAttempt(email, ip);
            throw new BadCredentialsException("refused");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(((MaillageUser) result.getPrincipal()).userId());
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(email, ip);
            throw new BadCredentialsException("refused");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

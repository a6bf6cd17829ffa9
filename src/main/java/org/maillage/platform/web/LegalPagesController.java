package org.maillage.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages every French public website owes its visitors, linked from the footer. */
@Controller
class LegalPagesController {

    @GetMapping("/mentions-legales")
    String legalNotice() {
        return "legal/mentions-legales";
    }

    @GetMapping("/accessibilite")
    String accessibilityStatement() {
        return "legal/accessibilite";
    }

    @GetMapping("/donnees-personnelles")
    String privacyNotice() {
        return "legal/donnees-personnelles";
    }
}

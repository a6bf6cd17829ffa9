package org.maillage.observatory.web.diagnosis;

import org.maillage.account.Authorizations;
import org.maillage.observatory.internal.diagnosis.DiagnosisService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A pôle's animators (and its region's coordinators) see the support requests and diagnoses of its structures. */
@Controller
class PoleDiagnosisController {

    private final DiagnosisService diagnoses;
    private final Authorizations authorizations;

    PoleDiagnosisController(DiagnosisService diagnoses, Authorizations authorizations) {
        this.diagnoses = diagnoses;
        this.authorizations = authorizations;
    }

    @GetMapping("/espace/poles/{slug}/autodiagnostics")
    String pole(@PathVariable String slug, Model model) {
        model.addAttribute("view", diagnoses.ofPole(authorizations.requireUser(), slug));
        return "observatory/diagnosis/pole";
    }
}

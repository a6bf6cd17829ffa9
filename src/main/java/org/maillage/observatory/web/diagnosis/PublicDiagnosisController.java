package org.maillage.observatory.web.diagnosis;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maillage.observatory.internal.diagnosis.Answer;
import org.maillage.observatory.internal.diagnosis.DiagnosisService;
import org.maillage.observatory.internal.diagnosis.Profile;
import org.maillage.observatory.internal.diagnosis.Questionnaire;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The questionnaire for anyone (no account): the whole of it on one page, the profile and the plan
 * computed from the answers sent and shown at once. Nothing is stored.
 */
@Controller
class PublicDiagnosisController {

    private final DiagnosisService diagnoses;

    PublicDiagnosisController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    @GetMapping("/autodiagnostic")
    String questionnaire(Model model) {
        return page(model, Map.of(), List.of());
    }

    @PostMapping("/autodiagnostic")
    String profile(@ModelAttribute("form") StructureDiagnosisController.AnswersForm form, Model model,
            HttpServletResponse response) {
        Questionnaire questionnaire = diagnoses.questionnaire();
        Map<String, Answer> answers = questionnaire.parse(form.answers(), questionnaire.themes());
        List<String> missing = questionnaire.unanswered(answers, questionnaire.themes());
        if (!missing.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, answers, missing);
        }
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("profile", Profile.of(questionnaire, answers));
        model.addAttribute("kept", Set.of());
        return "observatory/diagnosis/public-result";
    }

    private String page(Model model, Map<String, Answer> answers, List<String> missing) {
        Questionnaire questionnaire = diagnoses.questionnaire();
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("answers", answers);
        model.addAttribute("missing", Set.copyOf(missing));
        model.addAttribute("missingList", missing.stream().map(code -> questionnaire.question(code).orElseThrow()).toList());
        model.addAttribute("scale", Answer.values());
        return "observatory/diagnosis/public";
    }
}

package org.maillage.observatory.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maillage.observatory.internal.diagnosis.Answer.FULLY;
import static org.maillage.observatory.internal.diagnosis.Answer.NOT_APPLICABLE;
import static org.maillage.observatory.internal.diagnosis.Answer.NOT_YET;
import static org.maillage.observatory.internal.diagnosis.Answer.PARTLY;
import static org.maillage.observatory.internal.diagnosis.Answer.THINKING;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.observatory.internal.diagnosis.Answer;
import org.maillage.observatory.internal.diagnosis.Profile;
import org.maillage.observatory.internal.diagnosis.Profile.PlanGroup;
import org.maillage.observatory.internal.diagnosis.Profile.ThemeScore;
import org.maillage.observatory.internal.diagnosis.Questionnaire;
import org.maillage.observatory.internal.diagnosis.Questionnaire.Question;
import org.maillage.observatory.internal.diagnosis.Questionnaire.Theme;

/** The scoring of a self-diagnosis: "Ne s'applique pas" left out, percents, strongest and weakest, the plan's order. */
class DiagnosisScoringTest {

    /** Three small themes: A (3 questions), B (3), C (2). */
    private static final Questionnaire SMALL = new Questionnaire(99, "Test", "Source", List.of(
            theme("A", 1, "A1", "A2", "A3"), theme("B", 2, "B1", "B2", "B3"), theme("C", 3, "C1", "C2")));

    private static Theme theme(String code, int number, String... questions) {
        List<Question> list = new java.util.ArrayList<>();
        for (int i = 0; i < questions.length; i++) {
            list.add(new Question(questions[i], number + "." + (i + 1), "Pratique " + questions[i], null, "Faire " + questions[i]));
        }
        return new Theme(code, number, "Thème " + code, "", list);
    }

    private static Map<String, Answer> answers(Object... codeAndAnswer) {
        Map<String, Answer> answers = new HashMap<>();
        for (int i = 0; i < codeAndAnswer.length; i += 2) {
            answers.put((String) codeAndAnswer[i], (Answer) codeAndAnswer[i + 1]);
        }
        return answers;
    }

    @Test
    void notApplicableAnswersAreLeftOutOfTheScore() {
        Profile profile = Profile.of(SMALL, answers(
                "A1", FULLY, "A2", NOT_YET, "A3", NOT_APPLICABLE,
                "B1", NOT_APPLICABLE, "B2", NOT_APPLICABLE, "B3", NOT_APPLICABLE,
                "C1", PARTLY, "C2", PARTLY));

        ThemeScore a = profile.score("A");
        assertThat(a.points()).isEqualTo(3);
        assertThat(a.max()).isEqualTo(6); // two applicable answers, not three
        assertThat(a.percent()).isEqualTo(50);
        assertThat(a.notApplicable()).isEqualTo(1);
        // a theme where nothing applies has no score, and is neither strong nor weak
        assertThat(profile.score("B").scored()).isFalse();
        assertThat(profile.score("B").percent()).isNull();
        assertThat(profile.score("C").percent()).isEqualTo(67); // 4 / 6, rounded
        // overall: (3 + 4) / (6 + 6)
        assertThat(profile.overallPercent()).isEqualTo(58);
        assertThat(profile.strongest()).extracting(s -> s.theme().code()).containsExactly("C");
        assertThat(profile.weakest()).extracting(s -> s.theme().code()).containsExactly("A");
    }

    @Test
    void percentsAreRoundedHalfUpOfTheApplicableMaximum() {
        assertThat(Profile.of(SMALL, answers("A1", FULLY, "A2", FULLY, "A3", PARTLY)).score("A").percent())
                .isEqualTo(89); // 8 / 9 = 88.9
        assertThat(Profile.of(SMALL, answers("A1", THINKING, "A2", NOT_YET, "A3", NOT_YET)).score("A").percent())
                .isEqualTo(11); // 1 / 9 = 11.1
        assertThat(Profile.of(SMALL, answers("C1", THINKING, "C2", PARTLY)).score("C").percent())
                .isEqualTo(50); // 3 / 6
        assertThat(Profile.of(SMALL, answers("C1", THINKING, "C2", NOT_YET)).score("C").percent())
                .isEqualTo(17); // 1 / 6 = 16.7
        assertThat(Profile.of(SMALL, answers("A1", FULLY, "A2", FULLY, "A3", FULLY)).score("A").percent()).isEqualTo(100);
        assertThat(Profile.of(SMALL, answers("A1", NOT_YET)).score("A").percent()).isZero();
        assertThat(Profile.of(SMALL, answers("A1", NOT_APPLICABLE)).overallPercent()).isNull();
    }

    @Test
    void thePlanStartsWithTheWeakestThemeAndItsLowestAnswers() {
        Profile profile = Profile.of(SMALL, answers(
                "A1", PARTLY, "A2", FULLY, "A3", THINKING,           // 6 / 9 = 67 %
                "B1", PARTLY, "B2", NOT_YET, "B3", THINKING,         // 3 / 9 = 33 %
                "C1", FULLY, "C2", NOT_APPLICABLE));                 // 100 %

        assertThat(profile.plan()).extracting(group -> group.theme().code()).containsExactly("B", "A");
        PlanGroup weakest = profile.plan().get(0);
        assertThat(weakest.percent()).isEqualTo(33);
        assertThat(weakest.items()).extracting(item -> item.question().code()).containsExactly("B2", "B3", "B1");
        assertThat(profile.plan().get(1).items()).extracting(item -> item.question().code()).containsExactly("A3", "A1");
        // "Pleinement" and "Ne s'applique pas" suggest nothing
        assertThat(profile.plan()).flatExtracting(PlanGroup::items).extracting(item -> item.question().code())
                .doesNotContain("A2", "C1", "C2");
        assertThat(profile.planSize()).isEqualTo(5);
        assertThat(weakest.items().get(0).question().action()).isEqualTo("Faire B2");
    }

    @Test
    void equalAnswersKeepTheQuestionnairesOrderAndEqualThemesTooUnlessOneHasALowerAnswer() {
        Profile profile = Profile.of(SMALL, answers(
                "A1", THINKING, "A2", THINKING, "A3", FULLY,  // 5 / 9 = 56 %, lowest answer THINKING
                "B1", NOT_YET, "B2", FULLY, "B3", FULLY,      // 6 / 9 = 67 %, lowest answer NOT_YET
                "C1", PARTLY, "C2", PARTLY));                 // 4 / 6 = 67 %
        assertThat(profile.score("B").percent()).isEqualTo(67);
        assertThat(profile.score("C").percent()).isEqualTo(67);
        // A is weakest; B and C tie at 67 %: B has a "Pas encore", so it comes before C
        assertThat(profile.plan()).extracting(group -> group.theme().code()).containsExactly("A", "B", "C");
        assertThat(profile.plan().get(0).items()).extracting(item -> item.question().code()).containsExactly("A1", "A2");
        assertThat(profile.strongest()).extracting(s -> s.theme().code()).containsExactly("B", "C");
        assertThat(profile.weakest()).extracting(s -> s.theme().code()).containsExactly("A");
    }

    @Test
    void aLevelProfileHasNeitherStrongestNorWeakest() {
        Profile profile = Profile.of(SMALL, answers("A1", FULLY, "B1", FULLY, "C1", FULLY));
        assertThat(profile.strongest()).isEmpty();
        assertThat(profile.weakest()).isEmpty();
        assertThat(profile.plan()).isEmpty();
        assertThat(profile.overallPercent()).isEqualTo(100);
    }

    @Test
    void formsSendOnlyTheScaleAndTheQuestionsOfTheirTheme() {
        Map<String, String> sent = Map.of("A1", "FULLY", "A2", "BEAUCOUP", "A3", " NOT_APPLICABLE ", "B1", "FULLY", "Z9", "FULLY");
        Map<String, Answer> parsed = SMALL.parse(sent, List.of(SMALL.themes().get(0)));
        assertThat(parsed).containsOnly(Map.entry("A1", FULLY), Map.entry("A3", NOT_APPLICABLE));
        assertThat(SMALL.unanswered(parsed, List.of(SMALL.themes().get(0)))).containsExactly("A2");
        assertThat(Answer.parse(null)).isEmpty();
    }

    @Test
    void theShippedQuestionnaireHasTheEightThemesOfTheGuideWithConcreteActions() {
        Questionnaire questionnaire = Questionnaire.load(Questionnaire.CURRENT_VERSION);
        assertThat(questionnaire.themes()).extracting(Theme::title).containsExactly(
                "Gouvernance démocratique",
                "Concertation dans l’élaboration de la stratégie",
                "Ancrage territorial",
                "Politique salariale et exemplarité sociale",
                "Relations avec les usagers, bénéficiaires et clients",
                "Diversité, lutte contre les discriminations et égalité femmes-hommes",
                "Développement durable",
                "Éthique et déontologie");
        assertThat(questionnaire.themes()).allSatisfy(theme -> {
            assertThat(theme.questions()).hasSizeBetween(4, 5);
            assertThat(theme.intro()).isNotBlank();
        });
        assertThat(questionnaire.questions()).allSatisfy(question -> {
            assertThat(question.text()).as(question.code()).hasSizeGreaterThan(40);
            assertThat(question.action()).as(question.code()).hasSizeGreaterThan(40).doesNotContainIgnoringCase("lorem");
        });
        assertThat(questionnaire.question("TER-2").orElseThrow().number()).isEqualTo("3.2");
        assertThat(questionnaire.source()).contains("31 juillet 2014");
    }
}

package org.maillage.observatory.internal.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.maillage.observatory.internal.diagnosis.Questionnaire.Question;
import org.maillage.observatory.internal.diagnosis.Questionnaire.Theme;

/**
 * The scored profile of a diagnosis: per theme, the points out of the applicable maximum as a percent;
 * the strongest and weakest themes; and the action plan — the suggestions of every practice answered
 * below "Pleinement", the weakest themes first and, within a theme, the lowest answers first.
 *
 * @param overallPercent all applicable answers together, or null when none applies
 * @param strongest the themes with the highest percent (empty when every scored theme is level)
 * @param weakest the themes with the lowest percent (empty when every scored theme is level)
 */
public record Profile(List<ThemeScore> themes, Integer overallPercent, List<ThemeScore> strongest,
        List<ThemeScore> weakest, List<PlanGroup> plan) {

    /**
     * A theme's score.
     *
     * @param points the sum of its applicable answers (0 to 3 each)
     * @param max 3 per applicable answer
     * @param percent points out of max, rounded half up; null when no answer of the theme applies
     * @param notApplicable how many of its answers are "Ne s'applique pas"
     */
    public record ThemeScore(Theme theme, int points, int max, Integer percent, int notApplicable) {

        public boolean scored() {
            return percent != null;
        }
    }

    /** A practice to improve and its suggested action. */
    public record PlanItem(Theme theme, Question question, Answer answer) {}

    /** The plan's items of a theme, lowest answers first. */
    public record PlanGroup(Theme theme, Integer percent, List<PlanItem> items) {}

    public Profile {
        themes = List.copyOf(themes);
        strongest = List.copyOf(strongest);
        weakest = List.copyOf(weakest);
        plan = List.copyOf(plan);
    }

    /** Scores the answers (unanswered questions count as "Ne s'applique pas": neither points nor maximum). */
    public static Profile of(Questionnaire questionnaire, Map<String, Answer> answers) {
        List<ThemeScore> scores = new ArrayList<>();
        List<PlanGroup> plan = new ArrayList<>();
        int allPoints = 0;
        int allMax = 0;
        for (Theme theme : questionnaire.themes()) {
            int points = 0;
            int max = 0;
            int notApplicable = 0;
            List<PlanItem> items = new ArrayList<>();
            for (Question question : theme.questions()) {
                Answer answer = answers.get(question.code());
                if (answer == null) {
                    continue;
                }
                if (!answer.applicable()) {
                    notApplicable++;
                    continue;
                }
                points += answer.points();
                max += Answer.MAX_POINTS;
                if (answer.belowFully()) {
                    items.add(new PlanItem(theme, question, answer));
                }
            }
            Integer percent = percent(points, max);
            scores.add(new ThemeScore(theme, points, max, percent, notApplicable));
            if (!items.isEmpty()) {
                // stable: questionnaire order among equal answers
                items.sort(Comparator.comparingInt(item -> item.answer().points()));
                plan.add(new PlanGroup(theme, percent, items));
            }
            allPoints += points;
            allMax += max;
        }
        // weakest themes first; a theme's lowest answer breaks ties, then the questionnaire's order
        plan.sort(Comparator.<PlanGroup>comparingInt(group -> group.percent())
                .thenComparingInt(group -> group.items().get(0).answer().points())
                .thenComparingInt(group -> group.theme().number()));
        List<ThemeScore> scored = scores.stream().filter(ThemeScore::scored).toList();
        int highest = scored.stream().mapToInt(ThemeScore::percent).max().orElse(0);
        int lowest = scored.stream().mapToInt(ThemeScore::percent).min().orElse(0);
        boolean level = highest == lowest;
        return new Profile(scores, percent(allPoints, allMax),
                level ? List.of() : scored.stream().filter(s -> s.percent() == highest).toList(),
                level ? List.of() : scored.stream().filter(s -> s.percent() == lowest).toList(),
                plan);
    }

    /** points / max as a whole percent, rounded half up; null without maximum. */
    static Integer percent(int points, int max) {
        return max == 0 ? null : (200 * points + max) / (2 * max);
    }

    /** The score of a theme, by its code. */
    public ThemeScore score(String themeCode) {
        return themes.stream().filter(s -> s.theme().code().equals(themeCode)).findFirst().orElseThrow();
    }

    /** How many actions the plan suggests. */
    public int planSize() {
        return plan.stream().mapToInt(group -> group.items().size()).sum();
    }
}

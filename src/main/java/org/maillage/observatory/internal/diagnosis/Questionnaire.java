package org.maillage.observatory.internal.diagnosis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-diagnosis questionnaire as data ({@code observatory/autodiagnostic-v<version>.json}): the eight
 * themes of the guide of good practices of ESS enterprises (law of 31 July 2014, art. 3; CSESS guide of
 * 2016), each with its practices and the action suggested when a practice is not fully in place. A
 * finished diagnosis keeps the version it was answered with.
 */
public record Questionnaire(int version, String title, String source, List<Theme> themes) {

    /** The questionnaire in use for new diagnoses. */
    public static final int CURRENT_VERSION = 1;

    public Questionnaire {
        themes = List.copyOf(themes);
        Set<String> codes = new HashSet<>();
        for (Theme theme : themes) {
            for (Question question : theme.questions()) {
                if (!codes.add(question.code())) {
                    throw new IllegalArgumentException("question " + question.code() + " twice in version " + version);
                }
            }
        }
    }

    /**
     * A theme of the guide.
     *
     * @param code a stable code, e.g. {@code GOU}
     * @param number its place, from 1
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Theme(String code, int number, String title, String intro, List<Question> questions) {

        public Theme {
            questions = List.copyOf(questions);
        }
    }

    /**
     * A practice, as a statement the structure says how far it applies.
     *
     * @param code a stable code, e.g. {@code GOU-2} (the name of its answer in forms and the database)
     * @param number as people read it, e.g. "1.2"
     * @param hint an explanation under the statement, or null
     * @param action what to do when the practice is not fully in place (the action plan)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String code, String number, String text, String hint, String action) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ThemeJson(String code, String title, String intro, List<QuestionJson> questions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuestionJson(String code, String text, String hint, String action) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileJson(int version, String title, String source, List<ThemeJson> themes) {}

    /** Reads a version of the questionnaire from the classpath. */
    public static Questionnaire load(int version) {
        String resource = "observatory/autodiagnostic-v" + version + ".json";
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            FileJson file = JsonMapper.builder().build().readValue(in, FileJson.class);
            if (file.version() != version) {
                throw new IllegalStateException(resource + " says version " + file.version());
            }
            List<Theme> themes = new java.util.ArrayList<>();
            for (int t = 0; t < file.themes().size(); t++) {
                ThemeJson theme = file.themes().get(t);
                List<Question> questions = new java.util.ArrayList<>();
                for (int q = 0; q < theme.questions().size(); q++) {
                    QuestionJson question = theme.questions().get(q);
                    questions.add(new Question(question.code(), (t + 1) + "." + (q + 1), question.text(),
                            question.hint() == null || question.hint().isBlank() ? null : question.hint(), question.action()));
                }
                themes.add(new Theme(theme.code(), t + 1, theme.title(), theme.intro(), questions));
            }
            return new Questionnaire(file.version(), file.title(), file.source(), themes);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** Every question, theme after theme. */
    public List<Question> questions() {
        return themes.stream().flatMap(theme -> theme.questions().stream()).toList();
    }

    public int questionCount() {
        return themes.stream().mapToInt(theme -> theme.questions().size()).sum();
    }

    /** The theme at this place (from 1). */
    public Optional<Theme> theme(int number) {
        return number >= 1 && number <= themes.size() ? Optional.of(themes.get(number - 1)) : Optional.empty();
    }

    public Optional<Question> question(String code) {
        return questions().stream().filter(question -> question.code().equals(code)).findFirst();
    }

    /**
     * The answers a form sent ({@code answers[GOU-1]=FULLY}), keeping only the questions of the given
     * themes and the values of the scale; anything else counts as unanswered.
     */
    public Map<String, Answer> parse(Map<String, String> sent, List<Theme> of) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (sent == null) {
            return answers;
        }
        for (Theme theme : of) {
            for (Question question : theme.questions()) {
                Answer.parse(sent.get(question.code())).ifPresent(answer -> answers.put(question.code(), answer));
            }
        }
        return answers;
    }

    /** The codes of the questions of these themes that have no answer, in questionnaire order. */
    public List<String> unanswered(Map<String, Answer> answers, List<Theme> of) {
        return of.stream().flatMap(theme -> theme.questions().stream()).map(Question::code)
                .filter(code -> !answers.containsKey(code)).toList();
    }

    /** How many questions of the theme have an answer. */
    public static long answeredIn(Theme theme, Map<String, Answer> answers) {
        return theme.questions().stream().filter(question -> answers.containsKey(question.code())).count();
    }
}

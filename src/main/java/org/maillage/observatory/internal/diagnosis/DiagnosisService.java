package org.maillage.observatory.internal.diagnosis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.maillage.account.Accounts;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureView;
import org.maillage.network.PoleCoverage;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.observatory.Diagnoses;
import org.maillage.observatory.internal.diagnosis.DiagnosisStore.DiagnosisRow;
import org.maillage.observatory.internal.diagnosis.DiagnosisStore.SupportRequestRow;
import org.maillage.observatory.internal.diagnosis.Questionnaire.Theme;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.Email;
import org.maillage.platform.Notifications;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-diagnosis of good practices of a structure. Its own people (role STRUCTURE on it) fill it in,
 * keep a draft, finish it, keep actions of the plan and ask their pôle for support; the animators of its
 * pôle and the coordinators of the pôle's region read its results; nobody else (403). Every method
 * checks the user's rights itself.
 */
@Service
@Transactional(readOnly = true)
public class DiagnosisService implements Diagnoses {

    /** A support request identical to one sent this recently is the same form sent twice. */
    static final Duration DOUBLE_SUBMIT = Duration.ofMinutes(2);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));
    private static final int POLE_LIST_LIMIT = 200;

    /**
     * The structure and what the user may do with its diagnoses.
     *
     * @param fills the user is one of its people: fills in, keeps the plan, asks for support
     */
    public record StructureAccess(StructureView structure, boolean fills) {}

    /** A theme's progress in a draft. */
    public record ThemeProgress(Theme theme, long answered) {

        public boolean complete() {
            return answered == theme.questions().size();
        }
    }

    /** The diagnosis in progress. */
    public record Draft(long id, Questionnaire questionnaire, Instant startedAt, Instant updatedAt,
            Map<String, Answer> answers, List<ThemeProgress> themes) {

        public int answered() {
            return answers.size();
        }

        /** The first theme not complete (from 1); the last one when all are. */
        public int nextTheme() {
            return themes.stream().filter(progress -> !progress.complete()).findFirst()
                    .map(progress -> progress.theme().number()).orElse(themes.size());
        }

        public boolean complete() {
            return themes.stream().allMatch(ThemeProgress::complete);
        }
    }

    public record Finished(long id, Instant finishedAt, Integer overallPercent) {}

    /** A request for support, as the structure and the pôle read it. */
    public record SupportRequest(long id, long diagnosisId, String structureSlug, String structureName, String poleSlug,
            Instant requestedAt, String requesterName, String requesterEmail, String message, Integer overallPercent) {

        static SupportRequest of(SupportRequestRow row) {
            return new SupportRequest(row.id(), row.diagnosisId(), row.structureSlug(), row.structureName(), row.poleSlug(),
                    row.requestedAt(), row.requesterName(), row.requesterEmail(), row.message(), row.overallPercent());
        }
    }

    /** The structure's self-diagnosis page: the draft, the finished ones (newest first), the requests. */
    public record Overview(StructureAccess access, Questionnaire questionnaire, Optional<Draft> draft,
            List<Finished> finished, List<SupportRequest> requests) {}

    /**
     * A finished diagnosis and its profile.
     *
     * @param previous the profile of the structure's diagnosis finished before this one, if any
     * @param kept the codes of the actions the structure keeps in its plan
     * @param requests the requests for support made after this diagnosis, newest first
     */
    public record Result(StructureAccess access, long id, Instant finishedAt, Questionnaire questionnaire,
            Map<String, Answer> answers, Profile profile, Optional<Finished> previousDiagnosis, Optional<Profile> previous,
            Set<String> kept, List<SupportRequest> requests) {

        /** The change of a theme's percent since the previous diagnosis, or null. */
        public Integer change(String themeCode) {
            if (previous.isEmpty()) {
                return null;
            }
            Integer now = profile.score(themeCode).percent();
            Integer before = previous.get().themes().stream().filter(s -> s.theme().code().equals(themeCode))
                    .findFirst().map(Profile.ThemeScore::percent).orElse(null);
            return now == null || before == null ? null : now - before;
        }

        /** Whether the structure may ask its pôle for support: one of its people, and it has a pôle. */
        public boolean canAskSupport() {
            return access.fills() && access.structure().poleSlug() != null;
        }
    }

    /** A pôle's page: the requests it received and the diagnoses its structures finished. */
    public record PoleDiagnoses(PoleSummary pole, List<SupportRequest> requests, List<PoleFinished> finished) {}

    public record PoleFinished(long id, String structureSlug, String structureName, Instant finishedAt,
            Integer overallPercent) {}

    private final DiagnosisStore store;
    private final Directory directory;
    private final Poles poles;
    private final Authorizations authorizations;
    private final Accounts accounts;
    private final Notifications notifications;
    private final Audit audit;
    private final Clock clock;
    private final Map<Integer, Questionnaire> questionnaires = new ConcurrentHashMap<>();

    DiagnosisService(DiagnosisStore store, Directory directory, Poles poles, Authorizations authorizations,
            Accounts accounts, Notifications notifications, Audit audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.poles = poles;
        this.authorizations = authorizations;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** The questionnaire of new diagnoses (and of the public page). */
    public Questionnaire questionnaire() {
        return questionnaire(Questionnaire.CURRENT_VERSION);
    }

    public Questionnaire questionnaire(int version) {
        return questionnaires.computeIfAbsent(version, Questionnaire::load);
    }

    // --- Rights -------------------------------------------------------------------------------

    /**
     * The structure, when the user may read its diagnoses: its own people, the animators of its pôle,
     * the coordinators of its pôle's region (or of its region when it has no pôle).
     *
     * @throws NotFoundException for an unknown structure
     * @throws org.springframework.security.access.AccessDeniedException for anybody else
     */
    public StructureAccess access(CurrentUser user, String structureSlug) {
        // the directory hands a structure (published or not) only to those who keep it: its people, its pôle, its region
        StructureView structure = directory.findForEditing(user, structureSlug);
        boolean own = user.scopes(Role.STRUCTURE, ScopeType.STRUCTURE).contains(structure.slug());
        authorizations.check(own || network(user, structure));
        return new StructureAccess(structure, own);
    }

    private boolean network(CurrentUser user, StructureView structure) {
        if (structure.poleSlug() == null) {
            return user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(structure.regionCode());
        }
        String region = poles.findBySlug(structure.poleSlug()).map(c -> c.pole().regionCode()).orElse(structure.regionCode());
        return authorizations.canSeePoleInternals(user, new PoleRef(structure.poleSlug(), region));
    }

    private StructureAccess filler(CurrentUser user, String structureSlug) {
        StructureAccess access = access(user, structureSlug);
        authorizations.check(access.fills());
        return access;
    }

    // --- Reading ------------------------------------------------------------------------------

    public Overview overview(CurrentUser user, String structureSlug) {
        StructureAccess access = access(user, structureSlug);
        String slug = access.structure().slug();
        return new Overview(access, questionnaire(), store.draft(slug).map(this::draft),
                store.finished(slug).stream().map(DiagnosisService::finished).toList(),
                store.requestsOfStructure(slug).stream().map(SupportRequest::of).toList());
    }

    /** The structure's draft, for its people. */
    public Optional<Draft> draft(CurrentUser user, String structureSlug) {
        StructureAccess access = filler(user, structureSlug);
        return store.draft(access.structure().slug()).map(this::draft);
    }

    private Draft draft(DiagnosisRow row) {
        Questionnaire questionnaire = questionnaire(row.version());
        Map<String, Answer> answers = known(questionnaire, store.answers(row.id()));
        return new Draft(row.id(), questionnaire, row.startedAt(), row.updatedAt(), answers,
                questionnaire.themes().stream()
                        .map(theme -> new ThemeProgress(theme, Questionnaire.answeredIn(theme, answers))).toList());
    }

    /** A finished diagnosis of the structure and its profile. */
    public Result result(CurrentUser user, String structureSlug, long id) {
        StructureAccess access = access(user, structureSlug);
        DiagnosisRow row = finishedOf(access, id);
        Questionnaire questionnaire = questionnaire(row.version());
        Map<String, Answer> answers = known(questionnaire, store.answers(row.id()));
        List<DiagnosisRow> all = store.finished(access.structure().slug());
        Optional<DiagnosisRow> before = all.stream().dropWhile(other -> other.id() != row.id()).skip(1).findFirst();
        return new Result(access, row.id(), row.finishedAt(), questionnaire, answers, Profile.of(questionnaire, answers),
                before.map(DiagnosisService::finished),
                before.map(other -> Profile.of(questionnaire(other.version()), store.answers(other.id()))),
                store.keptActions(row.id()),
                store.requestsOfStructure(access.structure().slug()).stream()
                        .filter(request -> request.diagnosisId() == row.id()).map(SupportRequest::of).toList());
    }

    private DiagnosisRow finishedOf(StructureAccess access, long id) {
        return store.find(id)
                .filter(row -> row.finished() && row.structureSlug().equals(access.structure().slug()))
                .orElseThrow(() -> new NotFoundException("diagnosis.unknown"));
    }

    /** The requests a pôle received and the diagnoses its structures finished: its animators, its region's coordinators. */
    public PoleDiagnoses ofPole(CurrentUser user, String poleSlug) {
        PoleSummary pole = poles.findBySlug(poleSlug).map(PoleCoverage::pole)
                .orElseThrow(() -> new NotFoundException("pole.unknown", poleSlug));
        authorizations.check(authorizations.canSeePoleInternals(user, new PoleRef(pole.slug(), pole.regionCode())));
        return new PoleDiagnoses(pole,
                store.requestsOfPole(pole.slug(), POLE_LIST_LIMIT).stream().map(SupportRequest::of).toList(),
                store.finishedOfPole(pole.slug(), POLE_LIST_LIMIT).stream()
                        .map(row -> new PoleFinished(row.id(), row.structureSlug(), row.structureName(), row.finishedAt(),
                                row.overallPercent()))
                        .toList());
    }

    @Override
    public DiagnosisFigures figures(java.util.Collection<String> poleSlugs, int year) {
        if (poleSlugs.isEmpty()) {
            return new DiagnosisFigures(year, 0, 0, 0);
        }
        long[] figures = store.figures(poleSlugs, year);
        return new DiagnosisFigures(year, figures[0], figures[1], figures[2]);
    }

    // --- Filling in ---------------------------------------------------------------------------

    /** Starts the structure's diagnosis, or finds the one in progress; its id. */
    @Transactional
    public long start(CurrentUser user, String structureSlug) {
        StructureAccess access = filler(user, structureSlug);
        return store.draftOrNew(access.structure().slug(), Questionnaire.CURRENT_VERSION, user.id().value(),
                clock.instant()).id();
    }

    /**
     * Saves answers in the draft (started if there is none: a page left open while someone else finished
     * the previous one loses nothing). Questions unknown to its questionnaire are ignored.
     */
    @Transactional
    public Draft saveAnswers(CurrentUser user, String structureSlug, Map<String, Answer> answers) {
        StructureAccess access = filler(user, structureSlug);
        DiagnosisRow row = store.draftOrNew(access.structure().slug(), Questionnaire.CURRENT_VERSION, user.id().value(),
                clock.instant());
        store.saveAnswers(row.id(), known(questionnaire(row.version()), answers), clock.instant());
        return draft(row);
    }

    /**
     * Finishes the draft: its profile is kept with the date, and a new diagnosis may start later.
     *
     * @return the id of the finished diagnosis
     * @throws RuleViolationException when a question has no answer (or there is no draft)
     */
    @Transactional
    public long finish(CurrentUser user, String structureSlug) {
        StructureAccess access = filler(user, structureSlug);
        Draft draft = store.draft(access.structure().slug()).map(this::draft)
                .orElseThrow(() -> new RuleViolationException("diagnosis.finish.noDraft"));
        int missing = draft.questionnaire().questionCount() - draft.answered();
        if (missing > 0) {
            throw new RuleViolationException("diagnosis.finish.incomplete", missing);
        }
        Profile profile = Profile.of(draft.questionnaire(), draft.answers());
        if (!store.finish(draft.id(), user.id().value(), access.structure().poleSlug(), access.structure().name(),
                profile.overallPercent(), clock.instant())) {
            throw new RuleViolationException("diagnosis.finish.noDraft");
        }
        return draft.id();
    }

    /** The actions of the plan the structure keeps: exactly these (only suggested ones count). */
    @Transactional
    public void keepActions(CurrentUser user, String structureSlug, long id, Set<String> questionCodes) {
        StructureAccess access = filler(user, structureSlug);
        DiagnosisRow row = finishedOf(access, id);
        Questionnaire questionnaire = questionnaire(row.version());
        Set<String> suggested = Profile.of(questionnaire, store.answers(row.id())).plan().stream()
                .flatMap(group -> group.items().stream()).map(item -> item.question().code())
                .collect(Collectors.toSet());
        Set<String> kept = new LinkedHashSet<>(questionCodes == null ? Set.of() : questionCodes);
        kept.retainAll(suggested);
        store.keepActions(row.id(), kept, user.id().value(), clock.instant());
    }

    /**
     * "Demander un accompagnement à mon pôle": emails the pôle's contact address (its animators when it
     * has none, its region's coordinators when it has no animator either) the structure's profile and the
     * message, and records the request. The same request sent again within two minutes is ignored.
     *
     * @throws RuleViolationException when the structure has no pôle, or nobody could receive the request
     */
    @Transactional
    public void askSupport(CurrentUser user, String structureSlug, long id, String message) {
        StructureAccess access = filler(user, structureSlug);
        StructureView structure = access.structure();
        DiagnosisRow row = finishedOf(access, id);
        if (structure.poleSlug() == null) {
            throw new RuleViolationException("diagnosis.support.noPole");
        }
        PoleSummary pole = poles.findBySlug(structure.poleSlug()).map(PoleCoverage::pole)
                .orElseThrow(() -> new RuleViolationException("diagnosis.support.noPole"));
        String text = message == null ? "" : message.strip();
        Instant now = clock.instant();
        if (store.sameRequestSince(row.id(), text, now.minus(DOUBLE_SUBMIT))) {
            return;
        }
        List<String> recipients = recipients(pole);
        if (recipients.isEmpty()) {
            throw new RuleViolationException("diagnosis.support.nobody", pole.name());
        }
        Questionnaire questionnaire = questionnaire(row.version());
        Profile profile = Profile.of(questionnaire, store.answers(row.id()));
        Map<String, Object> model = new HashMap<>();
        model.put("subjectArgument", structure.name());
        model.put("structureName", structure.name());
        model.put("communeName", structure.communeName() == null ? "" : structure.communeName());
        model.put("poleName", pole.name());
        model.put("finishedOn", DAY.format(row.finishedAt()));
        model.put("overall", percentText(profile.overallPercent()));
        model.put("themeLines", profile.themes().stream()
                .map(score -> score.theme().number() + ". " + score.theme().title() + " : " + percentText(score.percent()))
                .toList());
        model.put("weakest", profile.weakest().stream().map(score -> score.theme().title()).collect(Collectors.joining(", ")));
        model.put("kept", store.keptActions(row.id()).size());
        model.put("message", text);
        model.put("requesterName", user.displayName());
        model.put("requesterEmail", user.email());
        model.put("path", "/espace/structures/" + structure.slug() + "/autodiagnostic/" + row.id());
        for (String to : recipients) {
            notifications.email(new Email(to, "diagnosis-support", model, Locale.FRENCH));
        }
        long requestId = store.insertRequest(row.id(), structure.slug(), structure.name(), pole.slug(), user.id().value(),
                user.displayName(), user.email(), text, recipients, now);
        audit.record(new AuditEvent("CREATE", "DIAGNOSIS_SUPPORT_REQUEST", String.valueOf(requestId), null,
                pole.regionCode(), Map.of("structure", structure.slug(), "pole", pole.slug(), "recipients", recipients.size())));
    }

    /** The pôle's contact address; else its animators; else its region's coordinators. */
    private List<String> recipients(PoleSummary pole) {
        Set<String> to = new LinkedHashSet<>();
        if (pole.contact() != null && pole.contact().email() != null && !pole.contact().email().isBlank()) {
            to.add(pole.contact().email().strip());
        }
        if (to.isEmpty()) {
            to.addAll(accounts.emailsOf(Role.ANIMATEUR, pole.slug()));
        }
        if (to.isEmpty() && pole.regionCode() != null) {
            to.addAll(accounts.emailsOf(Role.COORDINATEUR, pole.regionCode()));
        }
        return new ArrayList<>(to);
    }

    // --- Helpers ------------------------------------------------------------------------------

    private static Finished finished(DiagnosisRow row) {
        return new Finished(row.id(), row.finishedAt(), row.overallPercent());
    }

    /** Only the answers to questions of the questionnaire. */
    private static Map<String, Answer> known(Questionnaire questionnaire, Map<String, Answer> answers) {
        Map<String, Answer> known = new LinkedHashMap<>();
        questionnaire.questions().forEach(question -> {
            Answer answer = answers.get(question.code());
            if (answer != null) {
                known.put(question.code(), answer);
            }
        });
        return known;
    }

    private static String percentText(Integer percent) {
        return percent == null ? "ne s’applique pas" : percent + " %";
    }
}

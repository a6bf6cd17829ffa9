package org.maillage.directory.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.EssSector;
import org.maillage.directory.Siret;
import org.maillage.directory.StructureFamily;
import org.maillage.directory.StructureImport;
import org.maillage.directory.internal.CsvReader.Csv;
import org.maillage.directory.internal.CsvReader.Line;
import org.maillage.network.PoleResolution;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.Slugs;
import org.maillage.territory.Commune;
import org.maillage.territory.Territories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
@Transactional
class StructureImporter implements StructureImport {

    private static final Logger log = LoggerFactory.getLogger(StructureImporter.class);
    private static final int PROBLEMS_KEPT = 500;
    /** A running import that gave no sign of life for this long stopped with its server (nothing was written). */
    private static final Duration SILENCE = Duration.ofMinutes(5);
    /** A queued import that waited this long was lost with its server (imports take minutes, not hours). */
    private static final Duration WAITING = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final Territories territories;
    private final Poles poles;
    private final Authorizations authorizations;
    private final DirectoryProperties properties;
    private final TransactionTemplate transaction;
    private final TransactionTemplate apart;
    private final Map<Class<?>, Map<String, Enum<?>>> values;
    /** Long imports, one at a time on this node. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "structure-import");
        thread.setDaemon(true);
        return thread;
    });

    StructureImporter(JdbcClient jdbc, DirectoryService directory, Territories territories, Poles poles,
            Authorizations authorizations, DirectoryProperties properties, PlatformTransactionManager transactions,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.territories = territories;
        this.poles = poles;
        this.authorizations = authorizations;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.values = Map.of(StructureFamily.class, accepted(StructureFamily.class, "structure.family.", messages),
                EssSector.class, accepted(EssSector.class, "structure.sector.", messages));
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** A row that passed every check, ready to insert. */
    private record Checked(StructureData data, DirectoryService.Place place, String siret) {}

    /** The outcome of checking a whole file. */
    private record Checking(Csv csv, List<Checked> rows, List<Problem> problems) {}

    @Override
    public Preview preview(CurrentUser user, String fileName, byte[] content) {
        // those who manage structures (a structure's own people only keep their listing)
        authorizations.check(user.has(Role.ANIMATEUR) || user.has(Role.COORDINATEUR) || user.has(Role.ADMINISTRATEUR));
        Checking checking = check(user, content);
        long id = jdbc.sql("""
                        insert into directory.import_batch (user_id, file_name, content, rows)
                        values (:user, :name, :content, :rows) returning id""")
                .param("user", user.id().value()).param("name", fileName == null ? "import.csv" : fileName)
                .param("content", content).param("rows", checking.rows().size()).query(Long.class).single();
        jdbc.sql("""
                delete from directory.import_batch
                where created_at < now() - interval '1 day' and status not in ('QUEUED', 'RUNNING')""").update();
        return new Preview(id, fileName, checking.csv() == null ? "" : checking.csv().charset().displayName(),
                checking.csv() == null ? ';' : checking.csv().separator(),
                checking.csv() == null ? 0 : Math.max(0, checking.csv().lines().size() - 1), checking.rows().size(),
                checking.problems().stream().limit(PROBLEMS_KEPT).toList(), checking.problems().size());
    }

    @Override
    public int importFile(CurrentUser user, long batchId) {
        byte[] content = jdbc.sql("""
                        select content from directory.import_batch
                        where id = :id and user_id = :user and status = 'PREVIEWED' for update""")
                .param("id", batchId).param("user", user.id().value()).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("import.unknown", batchId));
        int added = checkAndWrite(user, content, done -> { });
        jdbc.sql("delete from directory.import_batch where id = :id").param("id", batchId).update();
        return added;
    }

    /** Checks the file again and writes every row, or throws (nothing written, with the caller's transaction). */
    private int checkAndWrite(CurrentUser user, byte[] content, IntConsumer progress) {
        Checking checking = check(user, content);
        if (!checking.problems().isEmpty() || checking.rows().isEmpty()) {
            throw new RuleViolationException("import.refused", checking.problems().size());
        }
        directory.insertAll(checking.rows().stream()
                .map(row -> new DirectoryService.NewStructure(row.data(), row.place(), row.siret())).toList(), progress);
        return checking.rows().size();
    }

    @Override
    public Started start(CurrentUser user, long batchId) {
        Map<String, Object> batch = jdbc.sql("select rows, status from directory.import_batch where id = :id and user_id = :user")
                .param("id", batchId).param("user", user.id().value()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("import.unknown", batchId));
        if (!"PREVIEWED".equals(batch.get("status"))) {
            return new Started(batchId, true, 0); // sent twice: follow the import already started
        }
        int rows = ((Number) batch.get("rows")).intValue();
        if (rows < properties.importInBackgroundFrom()) {
            return new Started(batchId, false, importFile(user, batchId));
        }
        int claimed = jdbc.sql("""
                        update directory.import_batch set status = 'QUEUED', done = 0, progress_at = now()
                        where id = :id and status = 'PREVIEWED'""")
                .param("id", batchId).update();
        if (claimed == 0) {
            return new Started(batchId, true, 0); // sent twice at once: the other request started it
        }
        // once this is committed: the import reads the file in its own transaction
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                background.execute(() -> runInBackground(user, batchId));
            }
        });
        return new Started(batchId, true, 0);
    }

    private void runInBackground(CurrentUser user, long batchId) {
        apart.executeWithoutResult(s -> jdbc.sql(
                        "update directory.import_batch set status = 'RUNNING', progress_at = now() where id = :id")
                .param("id", batchId).update());
        try {
            Integer added = transaction.execute(status -> checkAndWrite(user,
                    jdbc.sql("select content from directory.import_batch where id = :id").param("id", batchId)
                            .query(byte[].class).single(),
                    done -> apart.executeWithoutResult(s -> jdbc.sql(
                                    "update directory.import_batch set done = :done, progress_at = now() where id = :id")
                            .param("done", done).param("id", batchId).update())));
            finish(batchId, "DONE", added, null, null);
            log.info("Import {}: {} structures added", batchId, added);
        } catch (RuleViolationException e) {
            finish(batchId, "FAILED", null, "import.refusedAgain",
                    e.arguments().length > 0 ? ((Number) e.arguments()[0]).intValue() : null);
        } catch (RuntimeException e) {
            log.error("Import {} failed: nothing was written", batchId, e);
            finish(batchId, "FAILED", null, "import.failed", null);
        }
    }

    /** The end of a background import; the file is no longer needed. */
    private void finish(long batchId, String status, Integer added, String errorKey, Integer problems) {
        apart.executeWithoutResult(s -> jdbc.sql("""
                        update directory.import_batch set status = :status, added = :added, error_key = :error,
                            problems = :problems, content = ''::bytea, progress_at = now()
                        where id = :id""")
                .param("status", status).param("added", added).param("error", errorKey).param("problems", problems)
                .param("id", batchId).update());
    }

    @Override
    @Transactional(readOnly = true)
    public Progress progress(CurrentUser user, long batchId) {
        return jdbc.sql("""
                        select id, file_name, status, done, rows, added, error_key, problems,
                            (status = 'RUNNING' and progress_at < now() - make_interval(secs => :silence))
                                or (status = 'QUEUED' and progress_at < now() - make_interval(secs => :waiting)) as silent
                        from directory.import_batch where id = :id and user_id = :user""")
                .param("id", batchId).param("user", user.id().value()).param("silence", SILENCE.toSeconds())
                .param("waiting", WAITING.toSeconds())
                .query((rs, row) -> new Progress(rs.getLong("id"), rs.getString("file_name"),
                        rs.getBoolean("silent") ? Status.INTERRUPTED : Status.valueOf(rs.getString("status")),
                        rs.getInt("done"), rs.getInt("rows"), (Integer) rs.getObject("added"), rs.getString("error_key"),
                        (Integer) rs.getObject("problems")))
                .optional().orElseThrow(() -> new NotFoundException("import.unknown", batchId));
    }

    // --- Checking -----------------------------------------------------------------------------

    private Checking check(CurrentUser user, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        if (content.length == 0) {
            problems.add(new Problem(1, null, "import.empty", List.of()));
            return new Checking(null, List.of(), problems);
        }
        Csv csv = CsvReader.read(content);
        if (csv.lines().isEmpty()) {
            problems.add(new Problem(1, null, "import.empty", List.of()));
            return new Checking(csv, List.of(), problems);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = csv.lines().get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem(1, null, "import.header.missing", List.of(String.join(", ", missing))));
            return new Checking(csv, List.of(), problems);
        }
        List<Line> lines = csv.lines().subList(1, csv.lines().size());
        Map<String, Commune> communes = territories.findCommunes(lines.stream()
                        .map(line -> cell(line, columns, "code_commune")).filter(c -> !c.isEmpty()).distinct().toList())
                .stream().collect(Collectors.toMap(Commune::code, Function.identity()));
        Listed listed = listed(lines, columns, communes);
        Map<String, DirectoryService.Place> places = new HashMap<>();
        Map<String, Boolean> allowed = new HashMap<>(); // may the user manage structures in this commune
        Set<String> siretsInFile = new HashSet<>();
        Set<String> namesInFile = new HashSet<>();
        List<Checked> rows = new ArrayList<>();
        for (Line line : lines) {
            List<Problem> found = new ArrayList<>();
            Optional<Checked> row = checkRow(user, line, header.size(), columns, communes, places, allowed, listed,
                    siretsInFile, namesInFile, found);
            problems.addAll(found);
            row.ifPresent(rows::add);
        }
        return new Checking(csv, rows, problems);
    }

    /** What the file's rows find already in the directory: SIRETs, and "name|commune" for names. */
    private record Listed(Set<String> sirets, Set<String> names) {}

    /** Two statements for the whole file, whatever its length (not two per row). */
    private Listed listed(List<Line> lines, Map<String, Integer> columns, Map<String, Commune> communes) {
        String[] sirets = lines.stream().map(line -> Siret.normalize(cell(line, columns, "siret")))
                .filter(Siret::isValid).distinct().toArray(String[]::new);
        Set<String> siretsListed = new HashSet<>(jdbc.sql(
                        "select siret from directory.structure where siret = any(:sirets)")
                .param("sirets", sirets).query(String.class).list());
        List<Line> named = lines.stream().filter(line -> !cell(line, columns, "nom").isEmpty()
                && communes.containsKey(cell(line, columns, "code_commune"))).toList();
        Set<String> namesListed = new HashSet<>(jdbc.sql("""
                        select distinct f.name || '|' || f.commune
                        from unnest(:names::text[], :communes::text[]) as f(name, commune)
                        join directory.structure s on s.commune_code = f.commune and s.search_name = public.search_key(f.name)
                        """)
                .param("names", named.stream().map(line -> cell(line, columns, "nom")).toArray(String[]::new))
                .param("communes", named.stream().map(line -> cell(line, columns, "code_commune")).toArray(String[]::new))
                .query(String.class).list());
        return new Listed(siretsListed, namesListed);
    }

    private Optional<Checked> checkRow(CurrentUser user, Line line, int width, Map<String, Integer> columns,
            Map<String, Commune> communes, Map<String, DirectoryService.Place> places, Map<String, Boolean> allowed,
            Listed listed, Set<String> siretsInFile, Set<String> namesInFile, List<Problem> problems) {
        int n = line.number();
        if (line.cells().size() != width) {
            problems.add(new Problem(n, null, "import.width", List.of(Integer.toString(line.cells().size()), Integer.toString(width))));
            return Optional.empty();
        }
        String name = cell(line, columns, "nom");
        if (name.isEmpty()) {
            problems.add(new Problem(n, "nom", "import.name.blank", List.of()));
        } else if (name.length() > 200) {
            problems.add(new Problem(n, "nom", "structure.name.size", List.of()));
        }
        StructureFamily family = enumOf(StructureFamily.class, cell(line, columns, "famille"));
        if (family == null) {
            problems.add(new Problem(n, "famille", "import.family.unknown", List.of(cell(line, columns, "famille"))));
        }
        EssSector sector = enumOf(EssSector.class, cell(line, columns, "secteur"));
        if (sector == null) {
            problems.add(new Problem(n, "secteur", "import.sector.unknown", List.of(cell(line, columns, "secteur"))));
        }
        String siret = Siret.normalize(cell(line, columns, "siret"));
        if (siret.isEmpty()) {
            if (family != null && family != StructureFamily.ASSOCIATION) {
                problems.add(new Problem(n, "siret", "structure.siret.required", List.of()));
            }
        } else if (!Siret.isValid(siret)) {
            problems.add(new Problem(n, "siret", "import.siret.invalid", List.of(cell(line, columns, "siret"))));
        } else if (!siretsInFile.add(siret) || listed.sirets().contains(siret)) {
            problems.add(new Problem(n, "siret", "import.siret.duplicate", List.of(siret)));
        }
        String communeCode = cell(line, columns, "code_commune");
        Commune commune = communes.get(communeCode);
        DirectoryService.Place place = null;
        if (commune == null) {
            problems.add(new Problem(n, "code_commune", "import.commune.unknown", List.of(communeCode)));
        } else {
            place = places.computeIfAbsent(commune.code(), code -> {
                PoleResolution resolution = poles.resolve(code);
                return new DirectoryService.Place(commune, resolution.pole() == null ? null : resolution.pole().slug());
            });
            DirectoryService.Place here = place;
            if (!allowed.computeIfAbsent(commune.code(),
                    code -> directory.mayManage(user, here.poleSlug(), commune.regionCode()))) {
                problems.add(new Problem(n, "code_commune", "import.commune.outOfScope", List.of(commune.name())));
            }
            String key = Slugs.of(name, 300, "") + "|" + commune.code();
            if (!name.isEmpty() && (!namesInFile.add(key) || listed.names().contains(name + "|" + commune.code()))) {
                problems.add(new Problem(n, "nom", "import.name.duplicate", List.of(name, commune.name())));
            }
        }
        Double latitude = number(line, columns, "latitude", -90, 90, n, problems);
        Double longitude = number(line, columns, "longitude", -180, 180, n, problems);
        Double employees = number(line, columns, "salaries", 0, 1_000_000, n, problems);
        if (employees != null && employees % 1 != 0) {
            problems.add(new Problem(n, "salaries", "import.number.invalid", List.of(cell(line, columns, "salaries"))));
        }
        String website = cell(line, columns, "site_web");
        if (!website.isEmpty() && !website.matches("^https?://\\S+$")) {
            problems.add(new Problem(n, "site_web", "import.website.invalid", List.of(website)));
        }
        String legalForm = cell(line, columns, "categorie_juridique");
        if (!legalForm.isEmpty() && !legalForm.matches("\\d{4}")) {
            problems.add(new Problem(n, "categorie_juridique", "structure.legalForm.invalid", List.of()));
        }
        String naf = cell(line, columns, "code_naf");
        if (!naf.isEmpty() && !naf.matches("\\d{2}\\.?\\d{2}[A-Za-z]")) {
            problems.add(new Problem(n, "code_naf", "structure.naf.invalid", List.of()));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        StructureData data = new StructureData(name, siret.isEmpty() ? null : siret, family, legalForm, sector, naf,
                cell(line, columns, "adresse"), communeCode, latitude, longitude,
                employees == null ? null : employees.intValue(), website, cell(line, columns, "presentation"), true);
        return Optional.of(new Checked(data, place, siret.isEmpty() ? null : siret));
    }

    private static String cell(Line line, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= line.cells().size() ? "" : line.cells().get(index).strip();
    }

    private static Double number(Line line, Map<String, Integer> columns, String column, double min, double max, int n,
            List<Problem> problems) {
        String text = cell(line, columns, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.replace(',', '.').replaceAll("[\\s\\u00a0\\u202f]", ""));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(n, column, "import.number.invalid", List.of(text)));
        return null;
    }

    /** "Sanitaire et social" (the label shown), "sanitaire_social" and "SANITAIRE_SOCIAL" are the same value. */
    private <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        Map<String, Enum<?>> accepted = values.get(type);
        Enum<?> value = accepted.get(text.toUpperCase(Locale.ROOT)); // "association", "SCOP": no need to normalise
        return type.cast(value != null ? value : accepted.get(key(text)));
    }

    private static String key(String text) {
        return Slugs.of(text, 100, "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The values of a family or sector by their keys: code, and label in French and in English. */
    private static Map<String, Enum<?>> accepted(Class<? extends Enum<?>> type, String messagePrefix, MessageSource messages) {
        Map<String, Enum<?>> accepted = new HashMap<>();
        for (Enum<?> value : type.getEnumConstants()) {
            accepted.put(value.name(), value);
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                String label = messages.getMessage(messagePrefix + value.name(), null, null, locale);
                if (label != null) {
                    accepted.putIfAbsent(key(label), value);
                }
            }
        }
        return accepted;
    }
}

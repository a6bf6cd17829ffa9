package org.maillage.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class StructureImporter implements StructureImport {

    private static final int PROBLEMS_KEPT = 500;

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final Territories territories;
    private final Poles poles;
    private final Authorizations authorizations;

    StructureImporter(JdbcClient jdbc, DirectoryService directory, Territories territories, Poles poles,
            Authorizations authorizations) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.territories = territories;
        this.poles = poles;
        this.authorizations = authorizations;
    }

    /** A row that passed every check, ready to insert. */
    private record Checked(StructureData data, DirectoryService.Place place, String siret) {}

    /** The outcome of checking a whole file. */
    private record Checking(Csv csv, List<Checked> rows, List<Problem> problems) {}

    @Override
    public Preview preview(CurrentUser user, String fileName, byte[] content) {
        authorizations.check(user.grants().stream().anyMatch(g -> g.role().isStaff()));
        Checking checking = check(user, content);
        long id = jdbc.sql("insert into directory.import_batch (user_id, file_name, content) values (:user, :name, :content) returning id")
                .param("user", user.id().value()).param("name", fileName == null ? "import.csv" : fileName)
                .param("content", content).query(Long.class).single();
        jdbc.sql("delete from directory.import_batch where created_at < now() - interval '1 day'").update();
        return new Preview(id, fileName, checking.csv() == null ? "" : checking.csv().charset().displayName(),
                checking.csv() == null ? ';' : checking.csv().separator(),
                checking.csv() == null ? 0 : Math.max(0, checking.csv().lines().size() - 1), checking.rows().size(),
                checking.problems().stream().limit(PROBLEMS_KEPT).toList(), checking.problems().size());
    }

    @Override
    public int importFile(CurrentUser user, long batchId) {
        byte[] content = jdbc.sql("select content from directory.import_batch where id = :id and user_id = :user for update")
                .param("id", batchId).param("user", user.id().value()).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("import.unknown", batchId));
        Checking checking = check(user, content);
        if (!checking.problems().isEmpty() || checking.rows().isEmpty()) {
            throw new RuleViolationException("import.refused", checking.problems().size());
        }
        for (Checked row : checking.rows()) {
            directory.insert(row.data(), row.place(), row.siret());
        }
        jdbc.sql("delete from directory.import_batch where id = :id").param("id", batchId).update();
        return checking.rows().size();
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
        Map<String, DirectoryService.Place> places = new HashMap<>();
        Set<String> siretsInFile = new HashSet<>();
        Set<String> namesInFile = new HashSet<>();
        List<Checked> rows = new ArrayList<>();
        for (Line line : lines) {
            List<Problem> found = new ArrayList<>();
            Optional<Checked> row = checkRow(user, line, header.size(), columns, communes, places, siretsInFile, namesInFile, found);
            problems.addAll(found);
            row.ifPresent(rows::add);
        }
        return new Checking(csv, rows, problems);
    }

    private Optional<Checked> checkRow(CurrentUser user, Line line, int width, Map<String, Integer> columns,
            Map<String, Commune> communes, Map<String, DirectoryService.Place> places, Set<String> siretsInFile,
            Set<String> namesInFile, List<Problem> problems) {
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
        } else if (!siretsInFile.add(siret) || jdbc.sql("select count(*) from directory.structure where siret = :siret")
                .param("siret", siret).query(Long.class).single() > 0) {
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
            if (!directory.mayManage(user, place.poleSlug(), commune.regionCode())) {
                problems.add(new Problem(n, "code_commune", "import.commune.outOfScope", List.of(commune.name())));
            }
            String key = Slugs.of(name, 300, "") + "|" + commune.code();
            if (!name.isEmpty() && (!namesInFile.add(key) || jdbc.sql(
                    "select count(*) from directory.structure where search_name = public.search_key(:name) and commune_code = :commune")
                    .param("name", name).param("commune", commune.code()).query(Long.class).single() > 0)) {
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

    /** "Éducation populaire", "education_populaire" and "EDUCATION_POPULAIRE" are the same value. */
    private static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        String key = Slugs.of(text, 100, "").replace('-', '_').toUpperCase(Locale.ROOT);
        Map<String, E> values = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            values.put(value.name(), value);
        }
        return values.get(key);
    }
}

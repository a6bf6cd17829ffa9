package org.maillage.territory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --import-territories=<dir>}: imports the whole of France from the {@code data/} folder of
 * the npm package {@code @etalab/decoupage-administratif} (see {@code scripts/territory/import-france.sh}).
 * {@code --import-territories-version=6.0.0} names the version recorded in {@code territory.dataset}.
 * A {@code communes-centres.json} in that folder (written by the script, see
 * {@code scripts/territory/extract-centres.mjs}) gives the communes their centres.
 */
@Component
class TerritoryImportCommand implements ApplicationRunner {

    static final String OPTION = "import-territories";
    static final String CENTRES_FILE = "communes-centres.json";
    private static final Logger log = LoggerFactory.getLogger(TerritoryImportCommand.class);

    private final DecoupageAdministratifImporter importer;
    private final ConfigurableApplicationContext context;

    TerritoryImportCommand(DecoupageAdministratifImporter importer, ConfigurableApplicationContext context) {
        this.importer = importer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> values = args.getOptionValues(OPTION);
        if (values == null || values.isEmpty()) {
            return;
        }
        Path directory = Path.of(values.get(0));
        if (!Files.isRegularFile(directory.resolve("communes.json"))) {
            throw new IllegalArgumentException(directory + " has no communes.json: give the data/ folder of "
                    + "@etalab/decoupage-administratif");
        }
        List<String> version = args.getOptionValues(OPTION + "-version");
        String datasetVersion = version == null || version.isEmpty() ? TerritoryReferenceData.bundledVersion() : version.get(0);
        long start = System.nanoTime();
        DecoupageAdministratifImporter.Report report = importer.importFiles(
                name -> Files.newInputStream(directory.resolve(name)), "france", datasetVersion, true);
        // The communes' centres, when scripts/territory/import-france.sh put them next to the package's files.
        Path centres = directory.resolve(CENTRES_FILE);
        if (Files.isRegularFile(centres)) {
            try {
                importer.importCentres(importer.readCentres(Files.newInputStream(centres)), "centres-france");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            log.warn("No {} in {}: the communes keep the centres they had (none for new ones)", CENTRES_FILE, directory);
        }
        log.info("Territory import finished in {} ms: {}", (System.nanoTime() - start) / 1_000_000, report);
        // A command, not a server: stop the application (and the embedded database) once done.
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}

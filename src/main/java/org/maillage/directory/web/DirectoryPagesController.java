package org.maillage.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.maillage.account.Authorizations;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructurePage;
import org.maillage.directory.Directory.StructureQuery;
import org.maillage.directory.Directory.StructureView;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.platform.MapProperties;
import org.maillage.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public directory of ESS structures: search with facets, and a page per structure. */
@Controller
class DirectoryPagesController {

    static final int PAGE_SIZE = 20;

    private final Directory directory;
    private final Authorizations authorizations;
    private final MapProperties map;

    DirectoryPagesController(Directory directory, Authorizations authorizations, MapProperties map) {
        this.directory = directory;
        this.authorizations = authorizations;
        this.map = map;
    }

    @GetMapping("/annuaire")
    String search(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "famille", required = false) StructureFamily family,
            @RequestParam(name = "secteur", required = false) EssSector sector,
            @RequestParam(name = "pole", required = false) String pole,
            @RequestParam(name = "departement", required = false) String departement,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String words = text == null ? null : text.substring(0, Math.min(text.length(), 200));
        StructurePage result = directory.search(new StructureQuery(words, family, sector, blank(pole), blank(departement),
                Math.max(0, Math.min(page, 10_000)), PAGE_SIZE));
        model.addAttribute("result", result);
        // a national search has matches in hundreds of pôles: the options are written once here, not by
        // three expressions for each of them in the template (that was most of the page's time)
        model.addAttribute("poleOptions", options(result.facets().get("pole"), blank(pole),
                slug -> result.poleNames().getOrDefault(slug, slug)));
        model.addAttribute("departementOptions", options(result.facets().get("departement"), blank(departement),
                code -> code));
        model.addAttribute("q", words == null ? "" : words);
        model.addAttribute("famille", family);
        model.addAttribute("secteur", sector);
        model.addAttribute("pole", blank(pole));
        model.addAttribute("departement", blank(departement));
        model.addAttribute("families", StructureFamily.values());
        model.addAttribute("sectors", EssSector.values());
        model.addAttribute("canAdd", authorizations.currentUser().isPresent());
        model.addAttribute("map", map);
        return "directory/search";
    }

    /** The members of a pôle (DESIGN: the pôle's page links here), their sectors and employees, on a map. */
    @GetMapping("/poles/{slug}/membres")
    String poleMembers(@PathVariable String slug, @RequestParam(name = "annee", required = false) Integer year, Model model) {
        model.addAttribute("members", directory.poleMembers(slug, year == null ? null : Math.max(2000, Math.min(year, 2100))));
        model.addAttribute("map", map);
        return "directory/pole-members";
    }

    @GetMapping("/annuaire/{slug}")
    String structure(@PathVariable String slug, Model model) {
        StructureView structure = directory.findPublished(slug)
                .orElseThrow(() -> new NotFoundException("structure.unknown", slug));
        model.addAttribute("structure", structure);
        // fees are the pôle's business: the public page says where the structure is a member, and when
        model.addAttribute("memberOf", directory.memberships(slug).stream()
                .filter(m -> m.status() == org.maillage.directory.MembershipStatus.MEMBER).toList());
        model.addAttribute("canEdit", authorizations.currentUser().map(user -> directory.canEdit(user, structure)).orElse(false));
        return "directory/structure";
    }

    /** An option of a filter: its value, its label with the count of matches, whether it is chosen. */
    record FacetOption(String value, String label, boolean selected) {}

    private static List<FacetOption> options(Map<String, Long> counts, String chosen, UnaryOperator<String> name) {
        if (counts == null) {
            return List.of();
        }
        List<FacetOption> options = new ArrayList<>(counts.size());
        counts.forEach((value, count) -> options.add(
                new FacetOption(value, name.apply(value) + " (" + count + ")", value.equals(chosen))));
        return options;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

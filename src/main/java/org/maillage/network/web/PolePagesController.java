package org.maillage.network.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maillage.network.PoleCoverage;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Public pages of the pôles: the list by network, and each pôle with its coverage. */
@Controller
class PolePagesController {

    private final Poles poles;

    PolePagesController(Poles poles) {
        this.poles = poles;
    }

    @GetMapping("/poles")
    String list(Model model) {
        Map<String, List<PoleSummary>> byNetwork = new LinkedHashMap<>();
        for (PoleSummary pole : poles.list()) {
            byNetwork.computeIfAbsent(pole.networkName(), name -> new ArrayList<>()).add(pole);
        }
        model.addAttribute("networks", byNetwork);
        return "poles/list";
    }

    @GetMapping("/poles/{slug}")
    String detail(@PathVariable String slug, Model model) {
        PoleCoverage coverage = poles.findBySlug(slug).orElseThrow(() -> new NotFoundException("pole.unknown", slug));
        model.addAttribute("coverage", coverage);
        model.addAttribute("pole", coverage.pole());
        return "poles/detail";
    }
}

package org.maillage.observatory.web;

import org.maillage.observatory.Dashboard;
import org.maillage.observatory.Observatory;
import org.maillage.observatory.internal.ObservatoryFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The network's key figures for everyone, and the same as open data (Licence Ouverte 2.0). */
@Controller
class PanoramaController {

    private final Observatory observatory;

    PanoramaController(Observatory observatory) {
        this.observatory = observatory;
    }

    @GetMapping("/observatoire")
    String panorama(@RequestParam(required = false) String region,
            @RequestParam(name = "annee", required = false) Integer year, Model model) {
        Dashboard dashboard = observatory.panorama(region, year);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("charts", ObservatoryFiles.charts(dashboard));
        return "observatory/panorama";
    }

    @GetMapping("/observatoire/donnees.{format}")
    ResponseEntity<byte[]> openData(@PathVariable String format, @RequestParam(required = false) String region,
            @RequestParam(name = "annee", required = false) Integer year) {
        return ObservatoryFiles.tables(observatory.panorama(region, year), null, format);
    }
}

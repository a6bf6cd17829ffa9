package org.maillage.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the JSON API, served at {@code /api/docs} (browsable at {@code /api/docs/ui}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI maillageOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Maillage API")
                .version("v1")
                .description("""
                        API publique de Maillage, la plateforme des réseaux de pôles de développement de l'ESS. \
                        Les erreurs suivent la RFC 9457 (application/problem+json) avec un message en français \
                        (anglais avec ?lang=en).""")
                .license(new License().name("Données : Licence Ouverte / Open Licence")));
    }
}

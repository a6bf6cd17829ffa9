package org.maillage.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl the address people reach Maillage at, for links in emails (no trailing slash)
 */
@ConfigurationProperties("maillage")
public record PlatformProperties(@DefaultValue("http://localhost:8080") String publicUrl) {

    public String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}

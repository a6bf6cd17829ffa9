/**
 * Platform: what every module stands on — embedded database start-up, page layout, errors,
 * internationalisation, security baseline and the API documentation.
 *
 * <p>Its API (this package) holds the exceptions that modules throw to produce a French message
 * for the user: {@link org.maillage.platform.NotFoundException} and
 * {@link org.maillage.platform.RuleViolationException}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.maillage.platform;

package org.maillage.journey.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the journeys.
 *
 * @param reminders after how long without an answer the partner is reminded of a referral (each once)
 * @param expireAfter after how long without an answer a referral expires (the pôle is told)
 * @param partnerLinkValidity how long a link emailed to a partner works (each reminder brings a new one)
 * @param surveyMonths months after the last step when the porteur gets a follow-up survey
 * @param surveyWindow how late a survey may still go out (a journey quiet for longer gets none)
 * @param retention inactivity after which a journey is anonymised (CNIL: 2 years is usual; 3 by default)
 * @param retentionWarning how long before that the porteur is warned by email
 * @param intakesPerHour requests one client address may send in an hour
 * @param acknowledgementLinkValidity how long the link to their space in the intake's acknowledgement works
 * @param jobInterval how often the reminders, expiries, surveys and retention run
 */
@ConfigurationProperties("maillage.journey")
record JourneyProperties(
        @DefaultValue({"P7D", "P14D"}) List<Duration> reminders,
        @DefaultValue("P30D") Duration expireAfter,
        @DefaultValue("P30D") Duration partnerLinkValidity,
        @DefaultValue({"6", "18"}) List<Integer> surveyMonths,
        @DefaultValue("P30D") Duration surveyWindow,
        @DefaultValue("P1095D") Duration retention,
        @DefaultValue("P30D") Duration retentionWarning,
        @DefaultValue("5") int intakesPerHour,
        @DefaultValue("P7D") Duration acknowledgementLinkValidity,
        @DefaultValue("PT1H") Duration jobInterval) {}

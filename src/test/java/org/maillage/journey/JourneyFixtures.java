package org.maillage.journey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.account.UserId;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the journey tests share: intakes (by the form or the service), client addresses, porteurs signed in. */
public final class JourneyFixtures {

    /** Loudéac, covered by ADESS Centre Bretagne. */
    public static final String LOUDEAC = "22136";

    private static int addresses;

    private JourneyFixtures() {}

    /**
     * A client address no other test of the run uses (198.18.0.0/15, for tests), so that the intake's rate
     * limit of one test never touches another.
     */
    public static synchronized String newAddress() {
        int n = addresses++;
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** The fields of the public form, as a browser sends them (a new form key each time). */
    public static Map<String, String> intakeFields(String name, String email, String phone, String idea, String commune) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("displayName", name);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("collective", "false");
        fields.put("idea", idea);
        fields.put("commune", commune);
        fields.put("stage", "IDEE");
        fields.put("needs", "DEFINE_IDEA");
        fields.put("heardFrom", "WORD_OF_MOUTH");
        fields.put("consentContact", "true");
        fields.put("consentData", "true");
        fields.put("website", "");
        fields.put("submissionKey", UUID.randomUUID().toString());
        return fields;
    }

    /** A request of a porteur of Loudéac at the idea stage, through the service; its project. */
    public static long submitted(Journeys journeys, String name, String email, String phone, boolean collective) {
        return submitted(journeys, name, email, phone, collective, LOUDEAC);
    }

    /** A request of a porteur of this commune at the idea stage, through the service; its project. */
    public static long submitted(Journeys journeys, String name, String email, String phone, boolean collective,
            String communeCode) {
        return journeys.submit(new IntakeForm(name, email, phone, collective, "Un atelier partage " + TestUsers.letters(6),
                communeCode, ProjectStage.IDEE, Set.of(ProjectNeed.FINANCING), null, null, null, true, true, "", UUID.randomUUID()),
                communeCode, newAddress()).projectId();
    }

    /** The porteur of this address as signed in through their magic link. */
    public static CurrentUser porteur(JdbcClient jdbc, String email) {
        long id = jdbc.sql("select user_id from journey.porteur where email = :email").param("email", email)
                .query(Long.class).single();
        return new CurrentUser(new UserId(id), email, "Porteur",
                List.of(new Grant(Role.PORTEUR, ScopeType.SELF, Long.toString(id), "Porteur", null)));
    }
}

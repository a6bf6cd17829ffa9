/**
 * Agenda (événements de l'ESS): the events of the pôles and of the regional coordination, and
 * registration to them with a capacity and a waiting list. For now the core (events, registration,
 * places given back and the waiting list); the public agenda, emails and iCalendar feeds come next.
 *
 * <p>API: {@link org.maillage.agenda.Agenda}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agenda (événements de l'ESS)")
package org.maillage.agenda;

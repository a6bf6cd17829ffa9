#!/usr/bin/env python3
"""For the several-nodes test: the demonstration animator of Cornouaille publishes, through the proxy,
an event starting in two hours (Paris), and PEOPLE people register to it, each from a session of their
own; prints the event's address. The agenda's reminder job (the day before) then has PEOPLE emails to
send, once whichever node runs it.
  agenda_reminders.py BASE PEOPLE"""
import datetime, http.cookiejar, re, sys, urllib.error, urllib.parse, urllib.request, zoneinfo

base, people = sys.argv[1], int(sys.argv[2])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())


def post(opener, page, action, fields):
    token = re.search(r'name="_csrf" value="([^"]+)"', opener.open(base + page).read().decode()).group(1)
    try:
        return opener.open(base + action, urllib.parse.urlencode(dict(fields, _csrf=token)).encode()).read().decode()
    except urllib.error.HTTPError as answer:
        return answer.headers.get("Location", "") if answer.code == 302 else "HTTP %d" % answer.code


animator = browser()
post(animator, "/connexion", "/connexion", {"email": "animation.cornouaille@demo.maillage.localhost",
                                              "motDePasse": "Demo-Maillage-2026"})
start = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")) + datetime.timedelta(hours=2)
end = start + datetime.timedelta(minutes=90)
if end.date() != start.date():  # the form takes one day: keep the event before midnight
    start = start.replace(hour=22, minute=0)
    end = start.replace(hour=23, minute=30)
location = post(animator, "/espace/agenda/nouveau", "/espace/agenda/nouveau", {
    "organiser": "adess-cornouaille", "title": "Rencontre plusieurs nœuds %s" % start.strftime("%H%M%S"),
    "theme": "MEETUP", "date": start.date().isoformat(), "start": start.strftime("%H:%M"),
    "end": end.strftime("%H:%M"), "commune": "29232", "place": "Salle du pôle", "capacity": "",
    "description": "Test de plusieurs nœuds"})
event = urllib.parse.urlparse(location).path
assert event.startswith("/agenda/"), location
for n in range(people):
    answer = post(browser(), event, event + "/inscription", {"displayName": "Personne %d" % n,
        "email": "rappel-%d@bench.maillage.localhost" % n, "consent": "true"})
    assert "Votre place est réservée" in answer, answer[:300]
print(event)

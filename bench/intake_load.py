#!/usr/bin/env python3
"""Sends "Je porte un projet" requests as browsers do (a session, its CSRF token, a new submission key
each time) from several threads for a while, and writes the key of every request the application
acknowledged (302 to the thank-you page) to a file, flushed at once: what the people were told was
received. Connection errors (the application down) are counted and retried.
  intake_load.py BASE SECONDS THREADS ACKED_FILE"""
import http.cookiejar, re, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

base, seconds, threads, acked_path = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
lock = threading.Lock()
counts = {"acked": 0, "refused": 0, "errors": 0}
acked = open(acked_path, "a")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    page = opener.open(base + "/je-porte-un-projet", timeout=10).read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    return opener, token


def worker(n):
    deadline = time.time() + seconds
    opener, token = None, None
    while time.time() < deadline:
        try:
            if opener is None:
                opener, token = session()
            key = str(uuid.uuid4())
            data = urllib.parse.urlencode({
                "displayName": "Charge %d" % n, "email": "charge-%s@bench.maillage.localhost" % key[:8], "phone": "",
                "collective": "false", "idea": "Une épicerie solidaire " + key[:8], "commune": "29151",
                "stage": "IDEE", "needs": "DEFINE_IDEA", "heardFrom": "WORD_OF_MOUTH", "consentContact": "true",
                "consentData": "true", "website": "", "submissionKey": key, "_csrf": token}).encode()
            try:
                opener.open(base + "/je-porte-un-projet", data, timeout=10)
                status = 200
            except urllib.error.HTTPError as answer:
                status = answer.code
                location = answer.headers.get("Location", "")
            if status == 302 and "/merci" in location:
                with lock:
                    acked.write(key + "\n")
                    acked.flush()
                    counts["acked"] += 1
            else:
                with lock:
                    counts["refused"] += 1
                opener = None  # a new session (the old one may be gone with a restarted node)
        except Exception:
            with lock:
                counts["errors"] += 1
            opener = None
            time.sleep(0.2)


pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
started = time.time()
for thread in pool:
    thread.start()
for thread in pool:
    thread.join()
elapsed = time.time() - started
print("load acked=%d refused=%d errors=%d seconds=%.0f acked_per_s=%.1f" % (
    counts["acked"], counts["refused"], counts["errors"], elapsed, counts["acked"] / elapsed), flush=True)

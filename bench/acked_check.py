#!/usr/bin/env python3
"""Prints "ACKNOWLEDGED FOUND": how many of the submission keys of a file (one per line, the requests
that got their thank-you page) there are, and how many of them journey.project holds.
  acked_check.py KEYS_FILE PSQL_ARGS...   (e.g. -h localhost -p 54331 -U postgres -d maillage)"""
import subprocess, sys

keys = [line.strip() for line in open(sys.argv[1]) if line.strip()]
script = ["create temporary table acked (key uuid);"]
for i in range(0, len(keys), 500):
    script.append("insert into acked values " + ",".join("('%s')" % k for k in keys[i:i + 500]) + ";")
script.append("select count(*), count(p.submission_key) from acked a left join journey.project p on p.submission_key = a.key;")
out = subprocess.run(["psql", *sys.argv[2:], "-q", "-At", "-F", " ", "-v", "ON_ERROR_STOP=1"], input="\n".join(script),
                     capture_output=True, text=True, check=True).stdout
print(out.strip().splitlines()[-1])

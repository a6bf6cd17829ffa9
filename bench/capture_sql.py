#!/usr/bin/env python3
"""The statements of one request, from PostgreSQL's CSV log on standard input (the application's
connections only; lib.sh's request_log keeps the log of one request), each with its parameters written
in, as a pgbench script; also SCRIPT-timed.txt (SCRIPT without .sql): every statement with its time,
slowest first. Prints a summary line.
  capture_sql.py SCRIPT --reads          its reads only, one after the other (the observatory's baseline)
  capture_sql.py SCRIPT [LITERAL ...]    every statement in one transaction rolled back (writes are
                                         replayed, not kept)
For a request that writes (literals given: what it made, e-mails, and the ids of the rows it created),
each replay gets new values: the given literals, and every uuid and SHA-256 written by an INSERT
(submission key, session, token), so that unique keys hold; the foreign keys to the new ids are not
checked in the replay (session_replication_role = replica)."""
import csv, re, sys

out, arguments = sys.argv[1], sys.argv[2:]
reads_only = arguments == ['--reads']
replace = [] if reads_only else arguments
statements = []
for row in csv.reader(sys.stdin):
    if len(row) < 23 or row[11] != 'LOG' or row[22] in ('psql', 'pgbench'):
        continue
    m = re.match(r'duration: ([\d.]+) ms  (?:execute [^:]*|statement): (.*)', row[13], re.S)
    if not m:
        continue
    params = dict(re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", row[14])) if row[14].startswith('Parameters:') else {}
    sql = re.sub(r'\$(\d+)\b', lambda p: params.get(p.group(1), p.group(0)), m.group(2))
    sql = ' '.join(re.sub(r'--[^\n]*', '', sql).split())  # comments out, then one line
    # the request's own transactions (BEGIN READ ONLY…) give way to the one of the replay
    if not sql or sql.upper().startswith(('BEGIN', 'COMMIT', 'ROLLBACK', 'SET SESSION CHARACTERISTICS', 'SET TRANSACTION', 'SHOW ')):
        continue
    statements.append((float(m.group(1)), sql))
reads = [(ms, sql) for ms, sql in statements if sql.lower().startswith(('select', 'with'))]
renewed = {}
for _, sql in statements if replace else []:
    if sql.upper().startswith('INSERT'):
        for literal in re.findall(r"'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64})'", sql):
            renewed.setdefault(literal, 'v%d' % len(renewed))
with open(out, 'w') as f:
    if reads_only:
        for ms, sql in reads:
            f.write(sql + ';\n')
    else:
        if replace:
            f.write('\\set n random(1, 2000000000)\n')
            for literal, var in renewed.items():
                expression = "md5(:n || '%s')::uuid::text" % var if len(literal) == 36 else "md5(:n || '%s') || md5('%s' || :n)" % (var, var)
                f.write('select %s as %s \\gset\n' % (expression, var))
        f.write('begin;\n')
        if replace:
            f.write('set local session_replication_role = replica;\n')
        for ms, sql in statements:
            for literal, var in renewed.items():
                sql = sql.replace("'" + literal + "'", "':" + var + "'")
            for literal in replace:  # an id: n; a text: n before it
                new = "':n'" if literal.isdigit() else "(:n || '-' || '" + literal + "')"
                sql = sql.replace("'" + literal + "'", new)
            f.write(sql + ';\n')
        f.write('rollback;\n')
with open(re.sub(r'\.sql$', '', out) + '-timed.txt', 'w') as f:
    for ms, sql in sorted(statements, reverse=True):
        f.write(f'{ms:10.3f} ms  {sql}\n')
print(f'statements={len(statements)} reads={len(reads)} server_ms={sum(ms for ms, _ in statements):.1f}'
      f' renewed={len(renewed) + len(replace)}', end='')
for ms, sql in sorted(statements, reverse=True)[:3]:
    print(f' | {ms:.1f} ms {sql[:80]}', end='')
print()

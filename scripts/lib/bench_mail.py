"""The mail benchmark (scripts/bench mail): 2,000 decision letters through a running Confer server to a local SMTP
server, timed from the notification that queues them to the last one the SMTP server has stored.

400 accepted French proposals of 5 authors each are made through the API; POST …/notifications queues one letter
per author; the server's delivery worker sends them over SMTP (STARTTLS and AUTH, as to a university relay) while
this script counts the .eml files the SMTP server keeps.

    python bench_mail.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD SMTP_FOLDER OUT_MD
"""
import datetime as dt
import os
import sys
import time

import requests

base, admin_email, admin_password, folder, out_md = sys.argv[1:6]
proposals, authors = 400, 5
session = requests.Session()


def call(method, path, token, json=None):
    reply = session.request(method, f"{base}{path}", json=json, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    if reply.status_code not in (200, 201):
        sys.exit(f"bench mail: {method} {path} answered {reply.status_code}: {reply.text[:500]}")
    return reply.json()


admin = session.post(f"{base}/v1/tokens", json={"email": admin_email, "password": admin_password}, timeout=60).json()["token"]
call("POST", "/v1/conferences", admin, {
    "slug": "mail-bench", "name": "L'accompagnement par les pairs : enjeux contemporains", "startDate": "2099-11-14",
    "endDate": "2099-11-15", "timezone": "Europe/Paris", "languages": ["fr", "en"],
    "submissionDeadline": "2099-05-30T23:59:59+02:00", "mailFrom": "EXPAIRs 2019 <expairs@bench.example>"})
c = "/v1/conferences/mail-bench"
topic = call("POST", f"{c}/topics", admin, {"kind": "topic", "title": "Professionnalisation des pairs-aidants"})["id"]
started = time.monotonic()
for p in range(proposals):
    draft = call("POST", f"{c}/submissions", admin, {
        "title": f"Les pairs-aidants en santé mentale : étude n°{p}", "topicId": topic, "format": "oral", "language": "fr",
        "abstract": "Nous étudions les accompagnements par les pairs dans trois services de psychiatrie. " * 8,
        "authors": [{"name": f"Zoé Lefèvre {p}-{a}", "email": f"auteur-{p}-{a}@example.org", "presenting": a == 0}
                    for a in range(authors)]})
    call("POST", f"{c}/submissions/{draft['id']}/submit", admin)
    call("POST", f"{c}/submissions/{draft['id']}/decision", admin, {"decision": "accepted"})
print(f"    {proposals} accepted proposals of {authors} authors in {time.monotonic() - started:.0f} s", flush=True)


def stored():
    return sum(1 for name in os.listdir(folder) if name.endswith(".eml"))


before = stored()
started = time.monotonic()
queued = call("POST", f"{c}/notifications", admin, {"kind": "decisions"})["queued"]
expected = proposals * authors
assert queued == expected, queued
deadline = started + 600
while stored() - before < expected and time.monotonic() < deadline:
    time.sleep(0.05)
elapsed = time.monotonic() - started
arrived = stored() - before
failed = call("GET", f"{c}/outbox?status=failed&limit=200", admin)["items"]
rate = arrived / elapsed if elapsed > 0 else 0
lines = [
    "| letters | arrived | failed | seconds | messages/s |",
    "|---:|---:|---:|---:|---:|",
    f"| {expected:,} | {arrived:,} | {len(failed)} | {elapsed:.1f} | {rate:,.0f} |",
]
print("\n".join(lines))
with open(out_md, "w") as out:
    out.write("\n".join(lines) + "\n")
if arrived < expected or failed:
    sys.exit("bench mail: not every letter arrived")

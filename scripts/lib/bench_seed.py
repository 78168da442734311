"""Loads the benchmark's data set into a running Confer server and its database.

The structure (10 conferences, their work areas and topics, fee categories, rooms, sessions) is created through the
API, so it passes the same rules as a user's; the bulk rows come from bench_dataset.sql; the main conference's
program is then published through the API, so its snapshot is the server's own.

    python bench_seed.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD PSQL DATABASE_URL LOAD_ATTENDEES OUT_ENV
"""
import datetime as dt
import os
import subprocess
import sys

import requests

base, admin_email, admin_password, psql, database_url, load_attendees, out_env = sys.argv[1:8]
session = requests.Session()


def call(method, path, token, json=None):
    reply = session.request(method, f"{base}{path}", json=json, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    if reply.status_code not in (200, 201):
        sys.exit(f"bench seed: {method} {path} answered {reply.status_code}: {reply.text[:500]}")
    return reply.json()


admin = session.post(f"{base}/v1/tokens", json={"email": admin_email, "password": admin_password}, timeout=60).json()["token"]
paris = dt.timezone(dt.timedelta(hours=2))


def at(day, hour=9, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), paris).isoformat()


def conference(slug, name, start, days, deadline, registration_opens):
    end = start + dt.timedelta(days=days - 1)
    call("POST", "/v1/conferences", admin, {
        "slug": slug, "name": name, "startDate": start.isoformat(), "endDate": end.isoformat(),
        "timezone": "Europe/Paris", "languages": ["fr", "en"], "reviewMode": "double-blind", "reviewsPerSubmission": 2,
        "submissionDeadline": at(deadline, 23, 59), "notificationDate": at(deadline + dt.timedelta(days=45)),
        "registrationOpens": at(registration_opens, 0), "registrationCloses": at(end - dt.timedelta(days=3), 23, 59),
        "translations": {"en": {"name": f"{name} (EN)"}}})
    c = f"/v1/conferences/{slug}"
    for i in range(4):
        call("POST", f"{c}/topics", admin, {"kind": "area", "title": f"Axe {i + 1} : acteurs, environnements et effets"})
    for i in range(10):
        call("POST", f"{c}/topics", admin, {"kind": "topic", "title": f"Thématique {i + 1} de la pair-aidance"})
    return c


def program_grid(c, start, sessions):
    """Rooms, and `sessions` sessions of 160 minutes: three slots a day in five rooms."""
    rooms = [call("POST", f"{c}/rooms", admin, {"name": f"Salle {i + 1}", "capacity": 80 + 40 * i})["id"] for i in range(5)]
    made = 0
    for day in range(3):
        for hour, minute in ((9, 0), (13, 30), (16, 30)):
            for room in rooms:
                if made == sessions:
                    return
                begin = dt.datetime.combine(start + dt.timedelta(days=day), dt.time(hour, minute), paris)
                call("POST", f"{c}/sessions", admin, {
                    "title": f"Session {made + 1}", "roomId": room, "kind": "parallel",
                    "startsAt": begin.isoformat(), "endsAt": (begin + dt.timedelta(minutes=160)).isoformat()})
                made += 1


today = dt.date.today()
main_start = today + dt.timedelta(days=200)
main = conference("bench-main", "Pair-aidance : enjeux contemporains", main_start, 3,
                  today - dt.timedelta(days=60), today - dt.timedelta(days=30))
for i, (name, price, capacity) in enumerate([("Plein tarif", 18000, None), ("Doctorants", 6000, 400),
                                              ("Pairs-aidants", 0, 600), ("Membres", 12000, None), ("Journée", 7000, 300)]):
    category = {"name": name, "price": {"amount": price, "currency": "EUR"}}
    if capacity:
        category["capacity"] = capacity
    call("POST", f"{main}/registration-categories", admin, category)
program_grid(main, main_start, 40)

cfp = conference("bench-cfp", "Appel ouvert", today + dt.timedelta(days=300), 2,
                 today + dt.timedelta(days=100), today + dt.timedelta(days=60))
conference("bench-assign", "Comité de relecture", today + dt.timedelta(days=250), 2,
           today - dt.timedelta(days=10), today + dt.timedelta(days=30))
schedule_start = today + dt.timedelta(days=220)
schedule = conference("bench-schedule", "Programme à construire", schedule_start, 3,
                      today - dt.timedelta(days=90), today + dt.timedelta(days=10))
program_grid(schedule, schedule_start, 40)
for i in range(6):
    conference(f"bench-s{i + 1}", f"Journée d'étude {i + 1}", today + dt.timedelta(days=120 + 30 * i), 2,
               today + dt.timedelta(days=20 + 10 * i), today + dt.timedelta(days=10))

hash_row = subprocess.run([psql, database_url, "-At", "-c", f"SELECT password_hash FROM accounts WHERE email = '{admin_email}'"],
                          check=True, capture_output=True, text=True).stdout.strip()
subprocess.run([psql, database_url, "-q", "-v", f"load_attendees={load_attendees}", "-v", f"password_hash={hash_row}",
                "-f", os.path.join(os.path.dirname(__file__), "bench_dataset.sql")], check=True)

organizer = "bench-organizer"
call("POST", f"{main}/program/releases", organizer, {"note": "Programme complet"})

categories = [c["id"] for c in call("GET", f"{main}/registration-categories", organizer)["items"]]
listed = call("GET", f"{main}/submissions?limit=1", organizer)["items"][0]["id"]
topic = call("GET", f"{cfp}/topics?limit=1", organizer)["items"][0]["id"]
with open(out_env, "w") as out:
    out.write(f"BENCH_SUBMISSION_ID={listed}\nBENCH_CATEGORY_IDS={','.join(categories)}\nBENCH_CFP_TOPIC_ID={topic}\n")

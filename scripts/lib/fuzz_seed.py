"""Seeds a running Confer server (with the demo conference loaded) for contract fuzzing.

Creates, through the API, one of everything a path can name (account, proposal, review, registration, session,
talk, webhook and delivery, a published program) and writes the schemathesis configuration that pins the path
parameters to them, so the fuzzer reaches the handlers' logic instead of stopping at 404.

    python fuzz_seed.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD CONFIG_OUT
"""
import sys
import uuid

import requests

base, admin_email, admin_password, config_out = sys.argv[1:5]
slug = "expairs-2019"
c = f"{base}/v1/conferences/{slug}"


def call(method, url, token=None, json=None, expect=(200, 201, 204)):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    reply = requests.request(method, url, json=json, headers=headers, timeout=30)
    if reply.status_code not in expect:
        sys.exit(f"fuzz seed: {method} {url} answered {reply.status_code}: {reply.text[:500]}")
    return reply.json() if reply.content and "json" in reply.headers.get("content-type", "") else None


def sign_in(email, password):
    return call("POST", f"{base}/v1/tokens", json={"email": email, "password": password})["token"]


admin = sign_in(admin_email, admin_password)
topic = call("GET", f"{c}/topics?limit=1")["items"][0]["id"]

# A reviewer of the scientific committee, who is also the account the account routes name.
reviewer_email = f"reviewer-{uuid.uuid4().hex[:8]}@fuzz.test"
reviewer_account = call("POST", f"{base}/v1/accounts",
                        json={"email": reviewer_email, "password": "fuzzing reviewer", "name": "Relectrice Fuzz"})
reviewer = sign_in(reviewer_email, "fuzzing reviewer")
call("PUT", f"{c}/members/{reviewer_account['id']}", admin, {"roles": ["reviewer"]})

# A webhook first, so that the changes below leave deliveries in its log. Its target never answers.
webhook = call("POST", f"{c}/webhooks", admin,
               {"url": "https://hooks.invalid/confer", "events": ["submission.submitted", "decision.made"]})


def proposal(title):
    return call("POST", f"{c}/submissions", admin, {
        "title": title, "abstract": "Une proposition pour le fuzzing du contrat.", "topicId": topic,
        "format": "oral", "language": "fr",
        "authors": [{"name": "Claire Martin", "email": admin_email, "affiliation": "Université Rennes 2",
                     "presenting": True}]})


# One proposal goes through review to an accepted talk; the other stays a draft for edits.
reviewed = proposal("Les pairs-aidants en psychiatrie")
call("POST", f"{c}/submissions/{reviewed['id']}/submit", admin)
call("POST", f"{c}/submissions/{reviewed['id']}/assignments", admin, {"reviewerId": reviewer_account["id"]})
review = call("POST", f"{c}/submissions/{reviewed['id']}/reviews", reviewer,
              {"score": 4, "confidence": 3, "commentsForAuthors": "Bien."})
call("POST", f"{c}/submissions/{reviewed['id']}/decision", admin, {"decision": "accepted"})
draft = proposal("Brouillon à modifier")

room = call("POST", f"{c}/rooms", admin, {"name": "Amphi B", "capacity": 200})
# After the demo's closing plenary, when nothing else runs.
session = call("POST", f"{c}/sessions", admin, {
    "title": "Pair-aidance", "roomId": room["id"], "kind": "parallel",
    "startsAt": "2019-11-15T16:00:00+01:00", "endsAt": "2019-11-15T17:30:00+01:00"})
talk = call("POST", f"{c}/sessions/{session['id']}/talks", admin, {
    "submissionId": reviewed["id"], "startsAt": "2019-11-15T16:00:00+01:00", "durationMinutes": 20})
call("POST", f"{c}/program/releases", admin, {"note": "v1"})

category = call("POST", f"{c}/registration-categories", admin,
                {"name": "Tarif du fuzzing", "price": {"amount": 9000, "currency": "EUR"}, "capacity": 100})
registration = call("POST", f"{c}/registrations", admin, {"categoryId": category["id"]})
voucher = call("POST", f"{c}/vouchers", admin,
               {"code": "FUZZ2019", "discountPercent": 10, "maxUses": 3, "categoryIds": [category["id"]]})

delivery = call("GET", f"{c}/webhooks/{webhook['id']}/deliveries?limit=1", admin)["items"][0]
# The demo's decision letters are in the outbox.
message = call("GET", f"{c}/outbox?limit=1", admin)["items"][0]

with open(config_out, "w") as out:
    out.write(f"""# Written by scripts/lib/fuzz_seed.py: the organizer's token, and path parameters pinned to seeded resources.
headers = {{ Authorization = "Bearer {admin}" }}

[parameters]
"path.slug" = "{slug}"
"path.accountId" = "{reviewer_account['id']}"
"path.reviewerId" = "{reviewer_account['id']}"
"path.submissionId" = "{draft['id']}"
"path.reviewId" = "{review['id']}"
"path.topicId" = "{topic}"
"path.roomId" = "{room['id']}"
"path.categoryId" = "{category['id']}"
"path.voucherId" = "{voucher['id']}"
"path.sessionId" = "{session['id']}"
"path.talkId" = "{talk['id']}"
"path.registrationId" = "{registration['id']}"
"path.webhookId" = "{webhook['id']}"
"path.deliveryId" = "{delivery['id']}"
"path.messageId" = "{message['id']}"

# A review belongs to the reviewed proposal, not to the draft the other routes name, and only its reviewer
# may change it.
[[operations]]
include-operation-id = "updateReview"
parameters = {{ "path.submissionId" = "{reviewed['id']}" }}
headers = {{ Authorization = "Bearer {reviewer}" }}
""")

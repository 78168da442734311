"""A short life of a conference driven through the Python client that openapi-python-client generated from
openapi.yaml, against a running confer-server seeded with the demo (scripts/client).

Every call goes through the generated functions and models, as a frontend developer's code would. The run fails
when a response has a status the contract does not list for the operation (the client raises), when a body
cannot be parsed into its generated model, or when a body carries a field the contract does not declare.

usage: client_smoke.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD  (the generated package `confer_client` on sys.path)
"""

import datetime
import sys
import uuid

import attrs
from confer_client import AuthenticatedClient, Client
from confer_client.api.accounts import create_account, create_token, get_me, list_my_registrations, list_my_submissions
from confer_client.api.conferences import create_conference, create_topic, get_topic, put_member, update_topic
from confer_client.api.program import (create_room, create_session, create_talk, get_program, get_room, get_session,
                                       get_talk, list_rooms, release_program, update_room)
from confer_client.api.registration import (create_registration, create_registration_category, create_voucher,
                                            get_registration_category, list_registration_categories)
from confer_client.api.review import create_assignment, create_review, decide_submission, get_review, send_notifications
from confer_client.api.submissions import (create_submission, delete_submission, get_submission, list_submissions,
                                           submit_submission, update_submission)
from confer_client.models import (AccountCreate, AssignmentCreate, ConferenceCreate, Decision, DecisionRequest,
                                  MemberPut, Money, NotificationKind, NotificationRequest, Problem,
                                  RegistrationCategoryCreate, RegistrationCreate, ReleaseCreate, ReviewWrite, Role, RoomCreate,
                                  RoomPatch, SessionKind, SessionWrite, SubmissionAuthor, SubmissionCreate,
                                  SubmissionFormat, SubmissionPatch, TalkCreate, TokenCreate, TopicCreate, TopicKind,
                                  TopicPatch, VoucherCreate)
from confer_client.types import Unset

BASE, ADMIN_EMAIL, ADMIN_PASSWORD = sys.argv[1:4]
calls = 0


def undeclared(value, path="body"):
    """Fields of a parsed body that its generated model does not declare (kept in `additional_properties`).
    Models of maps (translations by language) declare their values' type and are walked, not flagged."""
    found = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            found += undeclared(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if field.name == "additional_properties":
                if str(field.type) == "dict[str, Any]":
                    found += [f"{path}.{key}" for key in item]
                else:
                    for key, entry in item.items():
                        found += undeclared(entry, f"{path}.{key}")
            elif not isinstance(item, Unset):
                found += undeclared(item, f"{path}.{field.name}")
    return found


def call(operation, *args, expect=200, **kwargs):
    """Runs one generated operation; the status must be `expect` and the body parse into its model, whole."""
    global calls
    calls += 1
    name = operation.__name__.rsplit(".", 1)[-1]
    response = operation.sync_detailed(*args, **kwargs)
    if response.status_code != expect:
        sys.exit(f"error: {name} answered {int(response.status_code)}, expected {expect}: {response.content[:500]!r}")
    if response.content and response.parsed is None:
        sys.exit(f"error: {name}: the generated client parsed nothing from {response.content[:300]!r}")
    extra = undeclared(response.parsed)
    if extra:
        sys.exit(f"error: {name}: fields the contract does not declare: {', '.join(extra)}")
    return response


def signed_in(client, email, password):
    token = call(create_token, client=client, expect=201, body=TokenCreate(email=email, password=password)).parsed.token
    return AuthenticatedClient(base_url=BASE, token=token, raise_on_unexpected_status=True)


def at(day, hour, minute=0):
    return datetime.datetime(2099, 11, day, hour, minute, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


anonymous = Client(base_url=BASE, raise_on_unexpected_status=True)
admin = signed_in(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD)
slug = "smoke-2099"

# The organizer opens a call with one topic.
call(create_conference, client=admin, expect=201, body=ConferenceCreate(
    slug=slug, name="Pair-aidance : essai du client", start_date=datetime.date(2099, 11, 14),
    end_date=datetime.date(2099, 11, 15), timezone="Europe/Paris", languages=["fr", "en"],
    submission_deadline=at(1, 0), registration_opens=datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc),
    registration_closes=at(13, 23)))
topic = call(create_topic, slug, client=admin, expect=201,
             body=TopicCreate(title="Professionnalisation des pairs-aidants", kind=TopicKind.TOPIC)).parsed
etag = call(get_topic, slug, topic.id, client=anonymous).headers["etag"]
renamed = call(update_topic, slug, topic.id, client=admin, if_match=etag,
               body=TopicPatch(title="Formation des pairs-aidants", description=None)).parsed
assert renamed.title == "Formation des pairs-aidants", renamed

# An author proposes, edits with a merge patch (clearing the topic, then setting it again) and submits.
suffix = uuid.uuid4().hex[:8]
author_email = f"claire-{suffix}@example.org"
call(create_account, client=anonymous, expect=201,
     body=AccountCreate(email=author_email, password="client smoke 2099", name="Claire Martin"))
author = signed_in(anonymous, author_email, "client smoke 2099")
proposal = call(create_submission, slug, client=author, expect=201, body=SubmissionCreate(
    title="Les pairs-aidants en santé mentale", abstract="Trois services de psychiatrie, deux ans d'observation.",
    format_=SubmissionFormat.ORAL, language="fr", topic_id=topic.id,
    authors=[SubmissionAuthor(name="Claire Martin", email=author_email, presenting=True)])).parsed
cleared = call(update_submission, slug, proposal.id, client=author, body=SubmissionPatch(topic_id=None)).parsed
# A field without a value is left out of a response (never null).
assert isinstance(cleared.topic_id, Unset), cleared
call(update_submission, slug, proposal.id, client=author, body=SubmissionPatch(topic_id=topic.id))
call(submit_submission, slug, proposal.id, client=author)
draft = call(create_submission, slug, client=author, expect=201, body=SubmissionCreate(
    title="Brouillon", abstract="À compléter.", format_=SubmissionFormat.POSTER, language="fr",
    authors=[SubmissionAuthor(name="Claire Martin", email=author_email, presenting=True)])).parsed
call(delete_submission, slug, draft.id, client=author, expect=204)
mine = call(list_my_submissions, client=author).parsed
assert [item.submission.id for item in mine.items] == [proposal.id], mine

# The committee reviews and decides; the author is told.
me = call(get_me, client=admin).parsed.account
call(put_member, slug, me.id, client=admin, body=MemberPut(roles=[Role.ORGANIZER, Role.REVIEWER]))
call(create_assignment, slug, proposal.id, client=admin, expect=201, body=AssignmentCreate(reviewer_id=me.id))
review = call(create_review, slug, proposal.id, client=admin, expect=201,
              body=ReviewWrite(score=4, confidence=3, comments_for_authors="Solide.")).parsed
call(get_review, slug, proposal.id, review.id, client=admin)
call(decide_submission, slug, proposal.id, client=admin, body=DecisionRequest(decision=Decision.ACCEPTED))
call(send_notifications, slug, client=admin, body=NotificationRequest(kind=NotificationKind.DECISIONS))
assert call(get_submission, slug, proposal.id, client=author).parsed.status.value == "accepted"

# Registration with a fee category and a voucher.
category = call(create_registration_category, slug, client=admin, expect=201, body=RegistrationCategoryCreate(
    name="Étudiant·e", price=Money(amount=4500, currency="EUR"), capacity=10)).parsed
call(get_registration_category, slug, category.id, client=anonymous)
call(list_registration_categories, slug, client=anonymous)
call(create_voucher, slug, client=admin, expect=201,
     body=VoucherCreate(code=f"PAIRS{suffix}".upper(), max_uses=5, discount_percent=50, category_ids=[category.id]))
registration = call(create_registration, slug, client=author, expect=201, body=RegistrationCreate(
    category_id=category.id, voucher_code=f"PAIRS{suffix}".upper())).parsed
assert registration.price_paid.amount == 2250, registration
assert [item.registration.id for item in call(list_my_registrations, client=author).parsed.items] == [registration.id]

# The program: a room, a session, the talk, a release everyone reads.
room = call(create_room, slug, client=admin, expect=201, body=RoomCreate(name="Amphithéâtre", capacity=200)).parsed
room_etag = call(get_room, slug, room.id, client=anonymous).headers["etag"]
call(update_room, slug, room.id, client=admin, if_match=room_etag, body=RoomPatch(capacity=250))
call(list_rooms, slug, client=anonymous)
# An instant without an offset is refused, naming the field, in a problem the client parses.
naive = call(create_session, slug, client=admin, expect=422, body=SessionWrite(
    title="Sans fuseau", room_id=room.id, starts_at=datetime.datetime(2099, 11, 14, 9), ends_at=at(14, 10),
    kind=SessionKind.PARALLEL)).parsed
assert isinstance(naive, Problem) and [error.field for error in naive.errors] == ["startsAt"], naive
session = call(create_session, slug, client=admin, expect=201, body=SessionWrite(
    title="Pair-aidance et santé", room_id=room.id, starts_at=at(14, 9), ends_at=at(14, 10, 30),
    kind=SessionKind.PARALLEL)).parsed
talk = call(create_talk, slug, session.id, client=admin, expect=201,
            body=TalkCreate(submission_id=proposal.id, starts_at=at(14, 9), duration_minutes=20)).parsed
call(get_session, slug, session.id, client=anonymous)
call(get_talk, slug, session.id, talk.id, client=anonymous)
call(release_program, slug, client=admin, expect=201, body=ReleaseCreate(note="Programme"))
program = call(get_program, slug, client=anonymous).parsed
assert [t.submission_id for d in program.days for s in d.sessions for t in s.talks] == [proposal.id], program

# The demo conference, page by page, parses whole: forty proposals in every state the demo holds.
seen, cursor = 0, None
while True:
    page = call(list_submissions, "expairs-2019", client=admin, limit=7, **({"cursor": cursor} if cursor else {})).parsed
    seen += len(page.items)
    if isinstance(page.next_cursor, Unset) or page.next_cursor is None:
        break
    cursor = page.next_cursor
assert seen == 40, seen
call(get_program, "expairs-2019", client=anonymous)
print(f"client smoke run: {calls} calls through the generated client, every response parsed whole")

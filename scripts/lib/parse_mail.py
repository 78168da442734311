"""Reads every NNNNNN.eml of a folder with Python's email package, as a mail client would, and prints them as JSON:
[{file, to, from, replyTo, subject, messageId, date, autoSubmitted, contentType, charset, body}], the subject and
names decoded (RFC 2047) and the body decoded (quoted-printable, UTF-8). Used by the mail tests.

    parse_mail.py DIR
"""
import email
import email.policy
import json
import os
import sys

folder = sys.argv[1]
messages = []
for name in sorted(n for n in os.listdir(folder) if n.endswith(".eml")):
    with open(os.path.join(folder, name), "rb") as source:
        message = email.message_from_binary_file(source, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",)) or message
    messages.append({
        "file": name,
        "to": str(message["To"]),
        "toAddress": message["To"].addresses[0].addr_spec if message["To"] else None,
        "toName": message["To"].addresses[0].display_name if message["To"] else None,
        "from": str(message["From"]),
        "replyTo": str(message["Reply-To"]) if message["Reply-To"] else None,
        "subject": str(message["Subject"]),
        "messageId": str(message["Message-ID"]),
        "date": str(message["Date"]),
        "autoSubmitted": str(message["Auto-Submitted"]) if message["Auto-Submitted"] else None,
        "contentType": part.get_content_type(),
        "charset": part.get_content_charset(),
        "body": part.get_content(),
        "defects": [type(d).__name__ for d in message.defects],
    })
print(json.dumps(messages, ensure_ascii=False))

"""A real SMTP server for the tests: aiosmtpd with STARTTLS (or TLS from the start) on a certificate of a
throwaway CA made by trustme, and AUTH PLAIN and LOGIN, keeping each message it accepts as NNNNNN.eml in a folder.

    smtp_server.py DIR --port N [--user U --password P] [--implicit-tls] [--no-tls] [--login-only]

The CA's certificate is DIR/ca.pem (for SMTP_CA_FILE); the server's key and certificate are kept in DIR, so a
server started again on the same folder presents the same certificate and numbers files after the last one.
Prints "ready" once listening. Recipients at reject.test are refused with 550, at later.test with 451.
"""
import argparse
import asyncio
import os
import signal
import ssl

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("folder")
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--user")
parser.add_argument("--password")
parser.add_argument("--implicit-tls", action="store_true")
parser.add_argument("--no-tls", action="store_true")
parser.add_argument("--login-only", action="store_true")
args = parser.parse_args()
os.makedirs(args.folder, exist_ok=True)


def tls_context():
    import trustme
    chain = os.path.join(args.folder, "server.pem")
    if not os.path.exists(chain):
        ca = trustme.CA()
        ca.cert_pem.write_to_path(os.path.join(args.folder, "ca.pem"))
        ca.issue_cert("localhost", "127.0.0.1").private_key_and_cert_chain_pem.write_to_path(chain)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(chain)
    return context


class Store:
    def __init__(self):
        self.count = len([name for name in os.listdir(args.folder) if name.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@reject.test"):
            return "550 5.1.1 No such user here"
        if address.endswith("@later.test"):
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(args.folder, f"{self.count:06d}.eml")
        with open(path + ".part", "wb") as out:
            out.write(envelope.original_content)
        os.rename(path + ".part", path)
        return "250 2.0.0 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
          and auth_data.password.decode() == args.password)
    return AuthResult(success=ok, handled=False)


options = {}
if args.user:
    # aiosmtpd does not count TLS from the start as TLS for AUTH: there, and without TLS, AUTH is offered anyway.
    options.update(authenticator=authenticator, auth_required=True,
                   auth_require_tls=not args.no_tls and not args.implicit_tls)
    if args.login_only:
        options["auth_exclude_mechanism"] = ["PLAIN"]
if not args.no_tls:
    if args.implicit_tls:
        options["ssl_context"] = tls_context()
    else:
        options.update(tls_context=tls_context(), require_starttls=True)
controller = Controller(Store(), hostname="127.0.0.1", port=args.port, server_hostname="localhost", **options)
controller.start()
print("ready", flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()

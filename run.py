"""Start Storyloom (`python run.py`), or manage its data: create-admin, backup, restore, migrate."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "api"))

from interfaces.api_backend import ApiBackend  # noqa: E402
from interfaces.config import ConfigError, load_config  # noqa: E402
from interfaces.logging_setup import configure_logging  # noqa: E402
from storage import StorageError  # noqa: E402

COMMANDS = ("serve", "create-admin", "backup", "restore", "migrate")


def parse_args(argv):
    """Command-line flags; each also has an environment variable (README)."""
    parser = argparse.ArgumentParser(description="Storyloom: worlds and the stories set in them")
    parser.add_argument("command", nargs="?", choices=COMMANDS, default="serve")
    parser.add_argument("file", nargs="?", help="backup/restore: the backup file")
    parser.add_argument("--host", help="address to listen on (env HOST, default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (env PORT, default 5000)")
    parser.add_argument("--data-dir", help="where data is kept (env DATA_DIR, default ./data)")
    parser.add_argument("--workers", type=int, help="server processes (env WORKERS, default 1; "
                                                    "more than 1 needs DATABASE_URL)")
    parser.add_argument("--username", help="create-admin: the admin's username")
    parser.add_argument("--email", help="create-admin: the admin's email")
    parser.add_argument("--to", help="migrate: the postgresql:// URL to copy the data folder to")
    parser.add_argument("--no-build", action="store_true",
                        help="do not build the web app when frontend/dist is missing")
    return parser.parse_args(argv)


def build_frontend_if_missing() -> None:
    """Build frontend/dist with npm when it is missing; say what happened either way."""
    frontend = os.path.join(ROOT, "frontend")
    if os.path.isfile(os.path.join(frontend, "dist", "index.html")):
        return
    if not os.path.isfile(os.path.join(frontend, "package.json")):
        return
    npm = shutil.which("npm")
    if npm is None:
        print("The web app is not built and npm is not installed: serving the API only. "
              "Install Node.js 20+, then run: cd frontend && npm ci && npm run build",
              file=sys.stderr)
        return
    print("Building the web app (frontend/dist is missing): npm ci && npm run build ...",
          file=sys.stderr)
    try:
        if not os.path.isdir(os.path.join(frontend, "node_modules")):
            subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=frontend, check=True)
        subprocess.run([npm, "run", "build"], cwd=frontend, check=True)
    except subprocess.CalledProcessError:
        print("Building the web app failed: serving the API only.", file=sys.stderr)


def read_password() -> str:
    """The new admin's password: from a prompt (asked twice), or stdin's first line."""
    if sys.stdin.isatty():
        first = getpass.getpass("Password for the new admin: ")
        if first != getpass.getpass("Repeat the password: "):
            raise SystemExit("The passwords differ; nothing was created.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


# What each create-admin field must be, said as part of one sentence.
ADMIN_FIELD_RULES = {
    "username": "the username must be 3–32 letters, digits, _ . or -",
    "email": "the email must be an address like name@example.com",
    "password": "the password must be at least 8 characters (at most 256)",
}
IN_USE = ("Storyloom cannot create an admin while a server uses this folder ({folder}).\n"
          "Stop the server first, or start it with ADMIN_USERNAME, ADMIN_EMAIL and "
          "ADMIN_PASSWORD set to create the first admin at start-up.")


def admin_field_sentence(fields: dict) -> str:
    """Field errors of create-admin as one sentence: "The username must be ...; the ...". """
    rules = [ADMIN_FIELD_RULES.get(name, f"the {name} is not valid") for name in
             sorted(fields, key=lambda n: list(ADMIN_FIELD_RULES).index(n)
                    if n in ADMIN_FIELD_RULES else len(ADMIN_FIELD_RULES))]
    sentence = "; ".join(rules)
    return sentence[:1].upper() + sentence[1:] + "."


def storage_place(config) -> str:
    """Where data is written: the data folder's absolute path, or the database (no password)."""
    if not config.database_url:
        return f"the data folder {os.path.abspath(config.data_dir)}"
    from urllib.parse import urlsplit
    url = urlsplit(config.database_url)
    where = f"{url.hostname or 'localhost'}{f':{url.port}' if url.port else ''}{url.path}"
    return f"the PostgreSQL database {where}"


def create_admin(args) -> int:
    """Create an admin account in the configured storage (not while a server holds it)."""
    from core.errors import ApiError
    from interfaces.schemas.auth import UserRegister
    from interfaces.validation import parse_model
    from storage import FolderInUse

    if not (args.username and args.email):
        print("create-admin needs --username and --email", file=sys.stderr)
        return 2
    config = load_config(data_dir=args.data_dir)
    try:
        backend = ApiBackend(data_dir=args.data_dir)
    except FolderInUse:
        print(IN_USE.format(folder=os.path.abspath(config.data_dir)), file=sys.stderr)
        return 1
    try:
        body = parse_model(UserRegister, {"username": args.username, "email": args.email,
                                          "password": read_password()})
        user = backend.auth_service.create_user(body.username, body.email, body.password,
                                                role="admin")
    except ApiError as exc:
        fields = (exc.data or {}).get("fields")
        message = admin_field_sentence(fields) if fields and exc.error_code.startswith("2") \
            else exc.detail.rstrip(".") + "; no admin was created."
        print(message, file=sys.stderr)
        return 1
    finally:
        backend.close()
    print(f"Admin {user.username} created ({user.user_id}) in {storage_place(config)}.")
    return 0


def serve(args) -> int:
    """Serve the API and the web app with gunicorn until SIGTERM or Ctrl-C."""
    from interfaces.server import WORKER_BOOT_ERROR, StoryloomServer

    config = load_config(host=args.host, port=args.port, data_dir=args.data_dir,
                         workers=args.workers)
    if config.workers > 1 and not config.database_url:
        raise ConfigError(f"--workers {config.workers} needs PostgreSQL (set DATABASE_URL): "
                          "a TinyDB data folder is served by one process at a time")
    if not args.no_build:
        build_frontend_if_missing()

    def announce(port: int) -> None:
        where = "PostgreSQL" if config.database_url else os.path.abspath(config.data_dir)
        print(f"Storyloom serving on http://{config.host}:{port} (API docs: /api/docs, "
              f"data: {where}, workers: {config.workers})", flush=True)

    server = StoryloomServer(
        lambda: ApiBackend(host=args.host, port=args.port, data_dir=args.data_dir),
        config.host, config.port, config.workers, config.web_threads, announce,
        config.log_level)
    try:
        server.run()
    except SystemExit as exit_:
        return 2 if exit_.code == WORKER_BOOT_ERROR else (exit_.code or 0)
    return 0


def open_configured(data_dir: str | None, database_url: str = ""):
    """The storage the configuration names, opened directly (no web server)."""
    from storage import create_storage
    config = load_config(data_dir=data_dir, database_url=database_url or None)
    return create_storage(config.data_dir, config.database_url, config.snapshot_mb)


def backup(args) -> int:
    """Write every document to a backup file; a TinyDB folder may be in use by its server."""
    from storage.moving import read_live_folder, write_backup

    if not args.file:
        print("backup needs the file to write: python run.py backup FILE", file=sys.stderr)
        return 2
    config = load_config(data_dir=args.data_dir)
    if config.database_url:
        storage = open_configured(args.data_dir)
        try:
            facts = write_backup(args.file, storage.documents())
        finally:
            storage.close()
    else:
        facts = write_backup(args.file, read_live_folder(config.data_dir))
    print(f"Backup written to {args.file}: {_counted(facts)}, checksum {facts['checksum']}.")
    return 0


def restore(args) -> int:
    """Load a backup file into the configured storage, which must be empty."""
    from storage.moving import copy_into, read_backup

    if not args.file:
        print("restore needs the backup file: python run.py restore FILE", file=sys.stderr)
        return 2
    pairs = read_backup(args.file)
    storage = open_configured(args.data_dir)
    try:
        facts = copy_into(pairs, storage)
    finally:
        storage.close()
    print(f"Restored {args.file}: {_counted(facts)}, checksum verified.")
    return 0


def migrate(args) -> int:
    """Copy a TinyDB data folder into an empty PostgreSQL database and verify the copy."""
    from storage.moving import copy_into
    from storage.tinydb_storage import TinyDBStorage

    if not (args.to or "").startswith("postgres"):
        print("migrate needs --to postgresql://user@host/database", file=sys.stderr)
        return 2
    config = load_config(data_dir=args.data_dir)
    source = TinyDBStorage(config.data_dir)
    try:
        pairs = list(source.documents())
    finally:
        source.close()
    target = open_configured(args.data_dir, args.to)
    try:
        facts = copy_into(pairs, target)
    finally:
        target.close()
    print(f"Copied {os.path.abspath(config.data_dir)} to PostgreSQL: {_counted(facts)}, "
          f"checksum {facts['checksum']} verified. Set DATABASE_URL to serve from it.")
    return 0


ONE = {"stories": "story", "entities": "entity"}


def _counted(facts: dict) -> str:
    """`5 stories, 1 world` from a backup's counts per table."""
    def named(table: str, n: int) -> str:
        if table == "ai_usage":
            return f"{n} {'day' if n == 1 else 'days'} of AI usage"
        one = ONE.get(table, table.rstrip("s")).replace("_", " ")
        return f"{n} {one if n == 1 else table.replace('_', ' ')}"
    return ", ".join(named(t, n) for t, n in facts["counts"].items() if n) or "nothing"


def main(argv=None) -> int:
    """Entry point."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    commands = {"serve": serve, "create-admin": create_admin, "backup": backup,
                "restore": restore, "migrate": migrate}
    try:
        return commands[args.command](args)
    except (ConfigError, StorageError) as exc:
        print(f"Storyloom cannot {_verb(args.command)}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


def _verb(command: str) -> str:
    return {"serve": "start", "create-admin": "create the admin"}.get(command, command)


if __name__ == "__main__":
    sys.exit(main())

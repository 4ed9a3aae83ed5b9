"""Start Storyloom (`python run.py`) or create the first admin (`python run.py create-admin`)."""

from __future__ import annotations

import argparse
import gc
import getpass
import os
import shutil
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "api"))

from interfaces.api_backend import ApiBackend  # noqa: E402
from interfaces.config import ConfigError  # noqa: E402
from interfaces.logging_setup import configure_logging  # noqa: E402
from storage import StorageError  # noqa: E402


def parse_args(argv):
    """Command-line flags; each also has an environment variable (README)."""
    parser = argparse.ArgumentParser(description="Storyloom: worlds and the stories set in them")
    parser.add_argument("command", nargs="?", choices=["serve", "create-admin"], default="serve")
    parser.add_argument("--host", help="address to listen on (env HOST, default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (env PORT, default 5000)")
    parser.add_argument("--data-dir", help="where data is kept (env DATA_DIR, default ./data)")
    parser.add_argument("--username", help="create-admin: the admin's username")
    parser.add_argument("--email", help="create-admin: the admin's email")
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


def create_admin(args) -> int:
    """Create an admin account in the data directory."""
    from core.errors import ApiError
    from interfaces.schemas.auth import UserRegister
    from interfaces.validation import parse_model

    if not (args.username and args.email):
        print("create-admin needs --username and --email", file=sys.stderr)
        return 2
    backend = ApiBackend(data_dir=args.data_dir)
    try:
        body = parse_model(UserRegister, {"username": args.username, "email": args.email,
                                          "password": read_password()})
        user = backend.auth_service.create_user(body.username, body.email, body.password,
                                                role="admin")
    except ApiError as exc:
        print(f"No admin created: {exc.detail} {exc.data or ''}", file=sys.stderr)
        return 1
    finally:
        backend.close()
    print(f"Admin {user.username} created ({user.user_id}).")
    return 0


def serve(args) -> int:
    """Serve the API and the web app with waitress until SIGTERM or Ctrl-C."""
    from waitress import create_server

    if not args.no_build:
        build_frontend_if_missing()
    backend = ApiBackend(host=args.host, port=args.port, data_dir=args.data_dir)
    # The loaded database is long-lived: keep the cycle collector from rescanning it forever.
    gc.collect()
    gc.freeze()
    config = backend.config
    server = create_server(backend.app, host=config.host, port=config.port,
                           threads=config.web_threads, ident="storyloom")

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    print(f"Storyloom serving on http://{config.host}:{server.effective_port} "
          f"(API docs: /api/docs, data: {os.path.abspath(config.data_dir)})", flush=True)
    try:
        server.run()
    finally:
        backend.close()
    return 0


def main(argv=None) -> int:
    """Entry point."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    try:
        return create_admin(args) if args.command == "create-admin" else serve(args)
    except (ConfigError, StorageError) as exc:
        print(f"Storyloom cannot start: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())

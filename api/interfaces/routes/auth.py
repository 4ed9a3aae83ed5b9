"""Account routes: register, login, me, verify, change-password, logout."""

from flask import Blueprint, g

from core.errors import ACCOUNT_BANNED, ALREADY_EXISTS, BAD_CREDENTIALS, THROTTLED, TOO_MANY_LOGINS
from interfaces.auth_guards import PUBLIC, TOKEN
from interfaces.schemas.auth import PasswordChange, UserLogin, UserRegister
from interfaces.schemas.outputs import EmptyOut, SessionOut, TokenOut, UserEnvelopeOut


def create_auth_bp(auth_service, endpoints, login_limit, register_limit):
    """Routes under /api/auth; the limits count requests per client address."""
    bp = Blueprint("auth", __name__, url_prefix="/api/auth")
    route = endpoints.router(bp, tag="auth")

    @route.post("/register", "Create an account (role user) and sign in", access=PUBLIC,
                body=UserRegister, response=SessionOut, status=201, limit=register_limit,
                errors=(ALREADY_EXISTS, THROTTLED))
    def register(body):
        return auth_service.register(**body.model_dump())

    @route.post("/login", "Sign in with username or email", access=PUBLIC, body=UserLogin,
                response=SessionOut, limit=login_limit,
                errors=(BAD_CREDENTIALS, ACCOUNT_BANNED, TOO_MANY_LOGINS, THROTTLED))
    def login(body):
        return auth_service.login(body.password, username=body.username, email=body.email)

    @route.get("/me", "The signed-in account with its quotas", access=TOKEN,
               response=UserEnvelopeOut)
    def me(user):
        return {"user": auth_service.account(user)}

    @route.get("/verify", "Check that a token is still valid", access=TOKEN,
               response=UserEnvelopeOut)
    def verify(user):
        return {"user": auth_service.account(user)}

    @route.post("/change-password", "Change the password; every earlier token stops working",
                access=TOKEN, body=PasswordChange, response=TokenOut,
                errors=(BAD_CREDENTIALS, TOO_MANY_LOGINS, THROTTLED))
    def change_password(user, body):
        return auth_service.change_password(user, body.old_password, body.new_password)

    @route.post("/logout", "Sign out: the token used stops working", access=TOKEN,
                response=EmptyOut)
    def logout(user):
        auth_service.logout(user, g.token_claims)
        return {}

    return bp

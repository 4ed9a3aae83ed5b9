"""Account routes: register, login, me, verify, change-password, logout."""

from flask import Blueprint, g

from interfaces.envelope import created, ok
from interfaces.schemas.auth import PasswordChange, UserLogin, UserRegister
from interfaces.schemas.outputs import EmptyOut, SessionOut, TokenOut, UserEnvelopeOut
from interfaces.swagger import doc
from interfaces.validation import validate_body


def create_auth_bp(auth_service, auth, login_limit, register_limit):
    """Routes under /api/auth; the limits are decorators counting requests per client address."""
    bp = Blueprint("auth", __name__, url_prefix="/api/auth")

    @bp.post("/register")
    @register_limit
    @doc("Create an account (role user) and sign in", tag="auth", response=SessionOut,
         status=201, errors=("3002", "0005"))
    @validate_body(UserRegister)
    def register(body):
        return created(auth_service.register(**body.model_dump()))

    @bp.post("/login")
    @login_limit
    @doc("Sign in with username or email", tag="auth", response=SessionOut,
         errors=("1003", "1005", "1007", "0005"))
    @validate_body(UserLogin)
    def login(body):
        return ok(auth_service.login(body.password, username=body.username, email=body.email))

    @bp.get("/me")
    @doc("The signed-in account with its quotas", tag="auth", response=UserEnvelopeOut)
    @auth.token_required
    def me(user):
        return ok({"user": auth_service.user_view(user)})

    @bp.get("/verify")
    @doc("Check that a token is still valid", tag="auth", response=UserEnvelopeOut)
    @auth.token_required
    def verify(user):
        return ok({"user": auth_service.user_view(user)})

    @bp.post("/change-password")
    @doc("Change the password; every earlier token stops working", tag="auth",
         response=TokenOut, errors=("1003", "1007", "0005"))
    @auth.token_required
    @validate_body(PasswordChange)
    def change_password(user, body):
        return ok(auth_service.change_password(user, body.old_password, body.new_password))

    @bp.post("/logout")
    @doc("Sign out: the token used stops working", tag="auth", response=EmptyOut)
    @auth.token_required
    def logout(user):
        return ok(auth_service.logout(user, g.token_claims))

    return bp

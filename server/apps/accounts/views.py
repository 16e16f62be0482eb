"""Auth (JWT), API keys and users. Thin: read validated input, check permissions, call, present."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings

from server.common.conditional import if_match
from server.common.error_codes import ErrorCode
from server.common.errors import ApiError, BadRequest, PermissionDenied
from server.common.pagination import paginate
from server.common.throttling import FailureBudget
from server.contract.views import ContractAPIView

from . import selectors, services
from .authentication import authentication_failed
from .presenters import present_api_key, present_api_key_with_secret, present_user

TOKEN_TYPE = "Bearer"
_WWW_AUTHENTICATE = 'Bearer realm="api"'
# Wrong passwords per account (the `auth` scope already limits every attempt per address): past the budget,
# the account's token requests are refused with 429 before the password is checked, so a guesser spreading
# over many addresses learns nothing more until the window ends.
PASSWORD_FAILURES = FailureBudget("password_failures")


def _access_lifetime_seconds() -> int:
    return int(jwt_settings.ACCESS_TOKEN_LIFETIME.total_seconds())


def _parse_datetime(value: str | None, *, pointer: str) -> datetime | None:
    if value is None:
        return None
    try:
        # RFC 3339 allows a lower-case "t" and "z"; fromisoformat does not.
        return datetime.fromisoformat(value.upper())
    except ValueError:
        raise BadRequest(
            detail="The request is invalid.",
            errors=[{"pointer": pointer, "code": "invalid", "message": "Not an RFC 3339 date-time."}],
        ) from None


# --- auth ------------------------------------------------------------------------------------------------


class AuthTokenView(ContractAPIView):
    """Exchange username + password for a JWT pair (public and throttle scope per the contract)."""

    operations = {"post": "auth_token_obtain"}

    def post(self, request: Request) -> Response:
        # Usernames compare case-insensitively (User.objects.get_by_natural_key): so does the budget.
        account = str(self.body.get("username", "") if isinstance(self.body, dict) else "").lower()
        PASSWORD_FAILURES.check(request, account)
        serializer = TokenObtainPairSerializer(data=self.body, context={"request": request})
        try:
            valid = serializer.is_valid()
        except AuthenticationFailed:
            valid = False
        if not valid:
            PASSWORD_FAILURES.fail(request, account)
            raise ApiError(
                status=401,
                code=ErrorCode.INVALID_CREDENTIALS,
                detail="No active account found with the given credentials.",
                headers={"WWW-Authenticate": _WWW_AUTHENTICATE},
            )
        data = serializer.validated_data
        return Response(
            {
                "access": data["access"],
                "refresh": data["refresh"],
                "token_type": TOKEN_TYPE,
                "expires_in": _access_lifetime_seconds(),
            }
        )


class AuthTokenRefreshView(ContractAPIView):
    """Exchange a refresh token for a new access token (public and throttle scope per the contract)."""

    operations = {"post": "auth_token_refresh"}

    def post(self, request: Request) -> Response:
        serializer = TokenRefreshSerializer(data=self.body, context={"request": request})
        try:
            valid = serializer.is_valid()
        except (TokenError, AuthenticationFailed, ObjectDoesNotExist):
            # Expired, malformed, wrong type (an access token), or its user is gone / inactive.
            valid = False
        if not valid:
            authentication_failed(request)  # a refresh token is a credential too
            raise ApiError(
                status=401,
                code=ErrorCode.TOKEN_NOT_VALID,
                detail="The refresh token is invalid or expired.",
                headers={"WWW-Authenticate": _WWW_AUTHENTICATE},
            )
        # ROTATE_REFRESH_TOKENS must stay off: the contract's AccessToken has no `refresh` field.
        return Response(
            {
                "access": serializer.validated_data["access"],
                "token_type": TOKEN_TYPE,
                "expires_in": _access_lifetime_seconds(),
            }
        )


# --- API keys --------------------------------------------------------------------------------------------


class ApiKeyListView(ContractAPIView):
    operations = {"get": "api_keys_list", "post": "api_keys_create"}

    def get(self, request: Request) -> Response:
        user = selectors.user_from_request(request)
        return paginate(
            request=request,
            queryset=selectors.api_key_list(user=user),
            ordering="-created_at",
            present=present_api_key,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    def post(self, request: Request) -> Response:
        body: dict[str, Any] = self.body
        api_key, secret = services.api_key_create(
            user=selectors.user_from_request(request),
            name=body["name"],
            expires_at=_parse_datetime(body.get("expires_at"), pointer="/expires_at"),
        )
        location = reverse("api_keys_revoke", kwargs={"api_key_id": api_key.pk})
        return Response(
            present_api_key_with_secret(api_key, secret), status=201, headers={"Location": location}
        )


class ApiKeyDetailView(ContractAPIView):
    operations = {"delete": "api_keys_revoke"}

    def delete(self, request: Request, api_key_id: int) -> Response:
        services.api_key_revoke(user=selectors.user_from_request(request), api_key_id=api_key_id)
        return Response(status=204)


# --- users -----------------------------------------------------------------------------------------------


class UserListView(ContractAPIView):
    """GET lists users (staff only); POST registers (public per the contract, `register` throttle scope)."""

    operations = {"get": "users_list", "post": "users_register"}

    def get(self, request: Request) -> Response:
        if not selectors.user_from_request(request).is_staff:
            raise PermissionDenied("Only staff can list users.")
        return paginate(
            request=request,
            queryset=selectors.user_list(search=self.query.get("search")),
            ordering=self.query["ordering"],
            present=present_user,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    def post(self, request: Request) -> Response:
        body: dict[str, Any] = self.body
        user = services.user_register(
            username=body["username"],
            email=body["email"],
            password=body["password"],
            full_name=body.get("full_name", ""),
        )
        # The only URL under which a user reads their own account.
        return Response(present_user(user), status=201, headers={"Location": reverse("users_me_retrieve")})


class UserMeView(ContractAPIView):
    operations = {"get": "users_me_retrieve", "patch": "users_me_update"}

    def get(self, request: Request) -> Response:
        return Response(present_user(selectors.user_from_request(request)))

    def patch(self, request: Request) -> Response:
        user = services.user_update(
            user=selectors.user_from_request(request),
            data=self.body,
            precondition=if_match(request, present_user),
        )
        return Response(present_user(user))

"""The auth, API-key and user operations as only the code can say (`make drift`): the bodies where the
presenters and models do not tell it all (the key format from the services), what each handler answers and
raises (`OPERATIONS`), and the authentication schemes.
"""

from __future__ import annotations

import string
from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from server.contract.spectacular import SEARCH, Doc, ResponseSerializer, ordering, page_of, presented

from .authentication import API_KEY_HEADER
from .models import ApiKey, User
from .presenters import present_api_key, present_api_key_with_secret, present_user, present_user_summary
from .services import API_KEY_PREFIX_ALPHABET, API_KEY_PREFIX_LENGTH, API_KEY_SCHEME
from .views import TOKEN_TYPE  # what the token views answer


def _max(model: Any, name: str) -> int:
    max_length: int = model._meta.get_field(name).max_length
    return max_length


# --- auth -------------------------------------------------------------------------------------------------


class TokenObtainRequestSerializer(serializers.Serializer[Any]):
    username = serializers.CharField(max_length=_max(User, "username"))
    password = serializers.CharField(max_length=_max(User, "password"), write_only=True)


class AccessTokenSerializer(ResponseSerializer):
    access = serializers.CharField()
    token_type = serializers.ChoiceField(choices=[TOKEN_TYPE])
    expires_in = serializers.IntegerField()


class TokenPairSerializer(AccessTokenSerializer):
    refresh = serializers.CharField()


class TokenRefreshRequestSerializer(serializers.Serializer[Any]):
    refresh = serializers.CharField()


# --- API keys -----------------------------------------------------------------------------------------------


PREFIX = serializers.CharField(min_length=API_KEY_PREFIX_LENGTH, max_length=API_KEY_PREFIX_LENGTH)
ApiKeySerializer = presented("ApiKeySerializer", present_api_key, ApiKey, prefix=PREFIX)


# services.api_key_create(): `<scheme>_<prefix from the alphabet>_<secrets.token_urlsafe()>`.
assert string.ascii_letters + string.digits == API_KEY_PREFIX_ALPHABET
SECRET_PATTERN = rf"^{API_KEY_SCHEME}_[A-Za-z0-9]{{{API_KEY_PREFIX_LENGTH}}}_[A-Za-z0-9_-]+$"


ApiKeyWithSecretSerializer = presented(
    "ApiKeyWithSecretSerializer",
    present_api_key_with_secret,
    ApiKey,
    prefix=PREFIX,
    secret=serializers.RegexField(SECRET_PATTERN),
)


class ApiKeyCreateSerializer(serializers.ModelSerializer[ApiKey]):
    class Meta:
        model = ApiKey
        fields = ("name", "expires_at")


# --- users --------------------------------------------------------------------------------------------------


# An address, or "" for an account made outside the API: one string schema that every validator reads alike
# (drf-spectacular's oneOf [format: email, maxLength: 0] is ambiguous where format is not asserted). The
# pattern admits "" itself (allow_blank would make drf-spectacular add that oneOf back).
EMAIL = serializers.RegexField(r"^$|^[^@ ]+@[^@ ]+$", max_length=_max(User, "email"))
UserSerializer = presented("UserSerializer", present_user, User, email=EMAIL)
UserSummarySerializer = presented("UserSummarySerializer", present_user_summary, User)


class UserRegistrationSerializer(serializers.ModelSerializer[User]):
    # Registration is stricter than the model: 3+ characters from a URL-safe set.
    username = serializers.RegexField(r"^[A-Za-z0-9_.-]+$", min_length=3, max_length=_max(User, "username"))
    email = serializers.EmailField(max_length=_max(User, "email"))
    password = serializers.CharField(min_length=8, max_length=_max(User, "password"), write_only=True)

    class Meta:
        model = User
        fields = ("username", "email", "password", "full_name")
        extra_kwargs = {"full_name": {"default": ""}}


class UserUpdateSerializer(serializers.ModelSerializer[User]):
    email = serializers.EmailField(max_length=_max(User, "email"), required=False)

    class Meta:
        model = User
        fields = ("email", "full_name")


# --- authentication schemes (defined here, drf-spectacular finds them by their target class) ---------------


class BearerAuthScheme(OpenApiAuthenticationExtension):
    target_class = "server.apps.accounts.authentication.JWTAuthentication"
    name = "bearerAuth"
    priority = 1  # before drf-spectacular's own extension for simplejwt ("jwtAuth")

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


class ApiKeyAuthScheme(OpenApiAuthenticationExtension):
    target_class = "server.apps.accounts.authentication.ApiKeyAuthentication"
    name = "apiKeyAuth"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {"type": "apiKey", "in": "header", "name": API_KEY_HEADER}


OPERATIONS = {
    "auth_token_obtain": Doc(200, TokenPairSerializer, TokenObtainRequestSerializer, errors=(401,)),
    "auth_token_refresh": Doc(200, AccessTokenSerializer, TokenRefreshRequestSerializer, errors=(401,)),
    "api_keys_list": Doc(200, page_of(ApiKeySerializer)),
    "api_keys_create": Doc(201, ApiKeyWithSecretSerializer, ApiKeyCreateSerializer, errors=(409, 422)),
    "api_keys_revoke": Doc(204, errors=(404,)),
    "users_list": Doc(
        200,
        page_of(UserSerializer),
        errors=(403,),
        query=(SEARCH, ordering("username", "date_joined", default="username")),
    ),
    "users_register": Doc(201, UserSerializer, UserRegistrationSerializer, errors=(409, 422)),
    "users_me_retrieve": Doc(200, UserSerializer),
    "users_me_update": Doc(200, UserSerializer, UserUpdateSerializer, errors=(412,)),
}

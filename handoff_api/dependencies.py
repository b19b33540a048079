"""Small shared dependencies."""

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from handoff_api.config import Settings
from handoff_api.security import CodeHasher


def get_app_settings(connection: HTTPConnection) -> Settings:
    return connection.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def get_code_hasher(connection: HTTPConnection) -> CodeHasher:
    return connection.app.state.code_hasher


CodeHasherDep = Annotated[CodeHasher, Depends(get_code_hasher)]

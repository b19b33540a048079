"""Small shared dependencies."""

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from handoff_api.config import Settings


def get_app_settings(connection: HTTPConnection) -> Settings:
    return connection.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]

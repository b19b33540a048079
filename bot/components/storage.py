"""What both custom NLU components share: building, and keeping their fitted parts in the model."""
from __future__ import annotations

import logging
from typing import Any, Dict

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

logger = logging.getLogger(__name__)


class JoblibComponent(GraphComponent):
    """A component whose fitted parts are one joblib file in Rasa's model storage.

    Subclasses name the file, say what to store (`_stored`), and take it back as keyword
    arguments of their constructor after `config, model_storage, resource`.
    """

    MODEL_FILE = ""
    UNTRAINED_NOTE = "it will output defaults"

    def __init__(self, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "JoblibComponent":
        return cls(config, model_storage, resource)

    def _stored(self) -> Dict[str, Any]:
        raise NotImplementedError

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._stored(), directory / self.MODEL_FILE)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "JoblibComponent":
        try:
            with model_storage.read_from(resource) as directory:
                stored = joblib.load(directory / cls.MODEL_FILE)
        except (ValueError, FileNotFoundError):
            logger.warning("%s: no trained model found; %s.", cls.__name__, cls.UNTRAINED_NOTE)
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, **stored)

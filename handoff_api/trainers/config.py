"""Settings of the trainers' workflow (environment `HANDOFF_TRAINER_*`, then `.env`)."""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from handoff_api.config import PACKAGE_DIR

REPO_DIR = PACKAGE_DIR.parent


class TrainerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HANDOFF_TRAINER_", env_file=".env", extra="ignore")

    # A message enters the inbox when the top intent's confidence or one triage label's
    # confidence is below these thresholds, or when the intent was nlu_fallback.
    intent_threshold: float = 0.6
    label_threshold: float = 0.6
    # Conversations are read from Rasa once closed, or once idle this long.
    collect_after_minutes: int = 60
    # Where accepted examples are written (Rasa NLU YAML), and the held-out split they must
    # never duplicate.
    nlu_data_dir: Path = REPO_DIR / "nlu_data"
    heldout_file: Path = REPO_DIR / "tests" / "nlu" / "heldout.jsonl"
    # The model comparison's report and charts (bot/nlu_tools/compare.py) shown on the page.
    reports_dir: Path = REPO_DIR / "reports" / "comparison"
    # Inbox exports (`handoff-admin inbox export --out`) may only be written below this folder;
    # `handoff-admin purge` trims them (and the comparison reports) to the inbox's retention.
    exports_dir: Path = REPO_DIR / "reports"
    models_dir: Path = REPO_DIR / "models"


@lru_cache
def get_trainer_settings() -> TrainerSettings:
    return TrainerSettings()

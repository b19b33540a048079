"""Rasa SDK action server of the helpline assistant, one module per feature family."""
from bot import privacy_logging

privacy_logging.install()  # no visitor text in the action server's logs either

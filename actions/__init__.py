"""Rasa SDK action server of the helpline assistant, one module per feature family."""

"""Custom Rasa NLU components for the triage of helpline chats."""

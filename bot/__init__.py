"""The Rasa project of the helpline assistant (domain, stories, custom NLU components)."""

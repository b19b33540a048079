from action_fixtures import client, dispatcher  # noqa: F401  (pytest fixtures)

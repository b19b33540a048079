"""Command-line tools around the triage NLU: classify, evaluate, bench."""

"""The trainers' workflow (issue 6): the NLU inbox, annotation into nlu_data/, model reports.

Visitor messages the bot was unsure about (low intent or triage-label confidence, the
fallback) or whose labels a counsellor corrected at closing are read from Rasa's tracker,
scrubbed (`handoff_api.scrubber`) and only then stored. Trainers accept, correct or drop them
on `/trainers` or with `handoff-admin inbox ...`; accepted items become examples in
`nlu_data/` with their triage labels as metadata.
"""

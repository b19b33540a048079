"""The visitor messages both benchmarks send, in this order (bench_load.py, bench_turn.py)."""

TEXTS = [
    "hallo",
    "ik weet niet goed hoe ik moet beginnen",
    "mijn stiefvader doet dingen bij mij die ik niet wil",
    "ik ben 15",
    "ja",
    "wat kunnen jullie voor mij doen?",
    "ik durf het aan niemand te vertellen",
    "dank je",
]

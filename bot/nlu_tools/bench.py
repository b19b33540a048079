"""`make bench-nlu`: training time, load time and single-message parse latency, Rasa vs baseline.

- Rasa: trains the NLU pipeline of config.yml (NLU only, into a temporary directory),
  loads the trained full model given by --model with rasa's Agent, and times
  Agent.parse_message for single messages (the live bot's path), plus 1,000
  messages through the `make classify` path after loading (median of --thousand-repeat passes;
  the issue's bar is under 30 s).
- Baseline: the scikit-learn model of `baseline.py`: fit, joblib save+load, and
  one message at a time through the four field classifiers.

Medians and percentiles over repeated single-message calls; figures to compare,
not timed tests.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import List

from bot.nlu_tools.common import load_agent, quiet, read_jsonl


def percentile(values: List[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="NLU benchmark: Rasa pipeline vs scikit-learn baseline")
    parser.add_argument("--config", default="config.yml")
    parser.add_argument("--domain", default="bot/domain")
    parser.add_argument("--data", default="nlu_data")
    parser.add_argument("--model", required=True, help="trained model to load and parse with")
    parser.add_argument("--heldout", default="tests/nlu/heldout.jsonl", help="messages to parse")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the messages for latency")
    parser.add_argument("--skip-train", action="store_true", help="do not time Rasa NLU training")
    parser.add_argument("--thousand-repeat", type=int, default=3, help="passes of 1,000 messages (the median counts)")
    args = parser.parse_args(argv)
    # time a real training: no reuse of Rasa's training cache (.rasa/cache)
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"
    quiet()

    import joblib
    from rasa.model_training import train_nlu

    from bot.nlu_tools.baseline import Baseline, load_examples

    texts = [row["text"] for row in read_jsonl(args.heldout)]
    examples = load_examples(args.data)

    rasa_train = float("nan")
    if not args.skip_train:
        print("timing Rasa NLU training ...", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            domain = args.domain if Path(args.domain).exists() else None
            train_nlu(config=args.config, nlu_data=args.data, output=tmp, domain=domain, fixed_model_name="bench")
            rasa_train = time.perf_counter() - start

    start = time.perf_counter()
    agent = load_agent(args.model)
    rasa_load = time.perf_counter() - start

    loop = asyncio.new_event_loop()
    for text in texts[:5]:  # warm-up
        loop.run_until_complete(agent.parse_message(text))
    rasa_latency = []
    for _ in range(args.repeat):
        for text in texts:
            start = time.perf_counter()
            loop.run_until_complete(agent.parse_message(text))
            rasa_latency.append(time.perf_counter() - start)
    thousand = (texts * (1000 // len(texts) + 1))[:1000]

    async def classify_path():
        return [await agent.parse_message(text) for text in thousand]

    # the `make -s classify` path after loading: 1,000 messages one by one, median of the passes
    passes = []
    for _ in range(max(1, args.thousand_repeat)):
        start = time.perf_counter()
        loop.run_until_complete(classify_path())
        passes.append(time.perf_counter() - start)
    rasa_thousand = statistics.median(passes)
    loop.close()

    start = time.perf_counter()
    baseline = Baseline().fit(examples)
    base_train = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "baseline.joblib"
        joblib.dump(baseline, path)
        start = time.perf_counter()
        baseline = joblib.load(path)
        base_load = time.perf_counter() - start
    baseline.predict(texts[:5])
    base_latency = []
    for _ in range(args.repeat):
        for text in texts:
            start = time.perf_counter()
            baseline.predict([text])
            base_latency.append(time.perf_counter() - start)
    base_passes = []
    for _ in range(max(1, args.thousand_repeat)):
        start = time.perf_counter()
        for text in thousand:
            baseline.predict([text])
        base_passes.append(time.perf_counter() - start)
    base_thousand = statistics.median(base_passes)

    rows = [
        ("training (s)", rasa_train, base_train, 1),
        ("model load (s)", rasa_load, base_load, 1),
        ("parse p50 (ms)", 1000 * statistics.median(rasa_latency), 1000 * statistics.median(base_latency), 1),
        ("parse p95 (ms)", 1000 * percentile(rasa_latency, 0.95), 1000 * percentile(base_latency, 0.95), 1),
        (f"1000 messages, median of {len(passes)} (s)", rasa_thousand, base_thousand, 1),
    ]
    print()
    print(f"{len(examples)} training examples; latency over {len(rasa_latency)} single-message parses")
    print(f"{'':32}{'rasa':>12}{'baseline':>12}{'rasa/base':>12}")
    for name, rasa_value, base_value, _ in rows:
        ratio = rasa_value / base_value if base_value else float("nan")
        print(f"{name:32}{rasa_value:12.3f}{base_value:12.3f}{ratio:12.1f}")
    print("\nRasa parse = the full NLU graph (DIET + TriageClassifier + UrgencyDetector) via Agent.parse_message.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

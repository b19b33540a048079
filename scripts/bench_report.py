"""bench_load.py's report: each shape's figures, then the shapes side by side against "single"."""

from bench_measure import median, rounded

BASE = "single"
BAR_VISITORS, BAR_RATIO = 50, 1.6  # issue 14: the scaled shape gives >= 1.6x the single one's throughput at 50


def _cell(value) -> str:
    return "-" if value is None else str(value)


def _print_failures(levels: list[dict]) -> None:
    """What the 4xx and 5xx answers were (status and the API's error code), per level and side."""
    for level in levels:
        for side in ("api", "rasa"):
            failures = level[side].get("failures") or {}
            if failures:
                listed = ", ".join(f"{count} × {what}" for what, count in sorted(failures.items()))
                print(f"  {level['visitors']} visitors, {side}: {listed}")


def _print_relay(levels: list[dict]) -> None:
    """What the relay did at each level (GET /healthz/relay of each API worker, API rounds only)."""
    for level in levels:
        relay = level.get("relay")
        if not relay:
            continue
        waited = ", ".join(f"{_cell(w and w['p50'])} / {_cell(w and w['p95'])} s" for w in relay["waited_seconds"])
        rasa = ", ".join(f"{_cell(t and t['p50'])} / {_cell(t and t['p95'])} s" for t in relay["rasa_seconds"])
        greeting = ", ".join(f"{_cell(t and t['p50'])} / {_cell(t and t['p95'])} s"
                             for t in relay.get("greeting_seconds", []))
        direct = level.get("rasa", {})
        peaks = "; ".join(", ".join(f"peak {b['peak']} of {b['limit']}" for b in instances or [])
                          for instances in relay["instances"])
        print(f"  relay at {level['visitors']}: {relay['counts']}; kept until sent p50 / p95 {waited}; "
              f"a visitor's message to Rasa p50 / p95 {rasa} (straight to Rasa {direct.get('p50_ms')} / "
              f"{direct.get('p95_ms')} ms), a new conversation's greeting {greeting}; slots {peaks}")


def print_report(report: dict) -> None:
    """Each shape's own table; then, when the single shape ran too, the shapes side by side."""
    for shape, figures in report["shapes"].items():
        print(f"\n== shape: {shape} (closed loop: each visitor sends when answered; answers/s: median of "
              "the rounds; API ÷ Rasa: median of the rounds' own ratios, API and Rasa in turn) ==")
        print("| visitors | API p50 / p95 ms | API to bot answer p50 / p95 ms | API answers/s | busy share "
              "| API 5xx / 4xx / conn | Rasa p50 / p95 ms | Rasa answers/s | Rasa 5xx / conn | API ÷ Rasa (rounds) |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for level in figures["closed"]:
            a, r = level["api"], level["rasa"]
            ratio = level.get("ratio_median", _ratio(a["answers_per_s"], r["answers_per_s"]))
            rounds = level.get("ratios")
            ratio = f"{_cell(ratio)} ({', '.join(_cell(x) for x in rounds)})" if rounds else _cell(ratio)
            print(f"| {level['visitors']} | {_cell(a['p50_ms'])} / {_cell(a['p95_ms'])} "
                  f"| {_cell(a['answer_p50_ms'])} / {_cell(a['answer_p95_ms'])} | {_cell(a['answers_per_s'])} "
                  f"| {_cell(a['busy_share'])} | {a['errors_5xx']} / {a['errors_4xx']} / {a['errors_connection']} "
                  f"| {_cell(r['p50_ms'])} / {_cell(r['p95_ms'])} | {_cell(r['answers_per_s'])} "
                  f"| {r['errors_5xx']} / {r['errors_connection']} | {ratio} |")
        _print_failures(figures["closed"])
        _print_relay(figures["closed"])
        if figures.get("api_log"):
            print("\nerror and warning lines of the API's logs (counted):")
            for line, count in figures["api_log"].items():
                print(f"  {count} × {line}")
        if figures.get("open"):
            o = figures["open"]
            print(f"\nopen loop: {o['visitors']} visitors, one message every {o['interval']} s for {o['seconds']} s")
            for side in ("api", "rasa"):
                s = o[side]
                print(f"  {side:4}: {s['messages']} messages, p50 {_cell(s['p50_ms'])} ms, p95 {_cell(s['p95_ms'])} ms, "
                      f"busy share {_cell(s['busy_share'])}, 5xx {s['errors_5xx']}, conn {s['errors_connection']}")
        if figures.get("queue"):
            q = figures["queue"]
            print(f"\ncounsellors' queue, {q['queued']} queued: p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms over "
                  f"{q['reads']} reads; statuses {q['statuses']}; entries/total {q['entries_and_total']}")
    if report.get("comparison"):
        print_comparison(report["comparison"])


def _ratio(top, bottom):
    return round(top / bottom, 2) if top and bottom else None


def compare_shapes(report: dict) -> list[dict]:
    """Each other shape against the single one, per level and side: answers per second (medians
    of the rounds) and the median of the rounds' own ratios, shape ÷ single. Round i of every
    shape ran in the same round of the run (bench_load's paired rounds), so each such ratio is of
    two runs under the same load."""
    shapes = report["shapes"]
    if BASE not in shapes:
        return []
    base = {level["visitors"]: level for level in shapes[BASE]["closed"]}
    rows = []
    for name, figures in shapes.items():
        if name == BASE:
            continue
        for level in figures["closed"]:
            single = base.get(level["visitors"])
            if not single:
                continue
            row = {"shape": name, "visitors": level["visitors"]}
            for side in ("api", "rasa"):
                rounds = [_ratio(mine, theirs) for mine, theirs in
                          zip(level[side]["answers_per_s_rounds"], single[side]["answers_per_s_rounds"])]
                row[f"{side}_single"] = single[side]["answers_per_s"]
                row[f"{side}_shape"] = level[side]["answers_per_s"]
                row[f"{side}_ratios"] = rounds
                row[f"{side}_ratio"] = rounded(median(rounds))
                row[f"{side}_p95_ms"] = (single[side]["p95_ms"], level[side]["p95_ms"])
                row[f"{side}_5xx"] = (single[side]["errors_5xx"], level[side]["errors_5xx"])
            if level["visitors"] == BAR_VISITORS:
                row["bar"] = {"ratio": BAR_RATIO, "held": row["api_ratio"] is not None and row["api_ratio"] >= BAR_RATIO}
            rows.append(row)
    return rows


def _bar(row: dict) -> str:
    if "bar" not in row:
        return ""
    return f"≥ {BAR_RATIO}×: {'held' if row['bar']['held'] else 'NOT held'}"


def _paired(row: dict, side: str) -> str:
    rounds = ", ".join(_cell(x) for x in row[f"{side}_ratios"])
    return f"{_cell(row[f'{side}_ratio'])} ({rounds})"


def print_comparison(rows: list[dict]) -> None:
    for name in dict.fromkeys(row["shape"] for row in rows):
        print(f"\n== {BASE} and {name} side by side, paired rounds (answers/s of the bot: medians; "
              f"{name} ÷ {BASE}: median of the rounds' own ratios, and each round's) ==")
        print(f"| visitors | API answers/s {BASE} / {name} | API {name} ÷ {BASE} (rounds) "
              f"| API p95 ms {BASE} / {name} | API 5xx {BASE} / {name} | Rasa answers/s {BASE} / {name} "
              f"| Rasa {name} ÷ {BASE} (rounds) | bar at {BAR_VISITORS} (API) |")
        print("|---|---|---|---|---|---|---|---|")
        own = [row for row in rows if row["shape"] == name]
        for row in own:
            print(f"| {row['visitors']} | {_cell(row['api_single'])} / {_cell(row['api_shape'])} "
                  f"| {_paired(row, 'api')} | {_cell(row['api_p95_ms'][0])} / {_cell(row['api_p95_ms'][1])} "
                  f"| {row['api_5xx'][0]} / {row['api_5xx'][1]} "
                  f"| {_cell(row['rasa_single'])} / {_cell(row['rasa_shape'])} | {_paired(row, 'rasa')} "
                  f"| {_bar(row)} |")
        if not any("bar" in row for row in own):
            print(f"(the bar, {name} ≥ {BAR_RATIO}× {BASE} through the API, is at {BAR_VISITORS} visitors: "
                  "not a level of this run)")

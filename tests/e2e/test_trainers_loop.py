"""The trainers' loop end to end (issue 6, 'Done when'), on the real stack and in Chromium.

A visitor tells something with their name and phone number; the conversation ends; the
API reads it from Rasa's tracker into the inbox, scrubbed; a trainer logs in on /trainers in
Chromium and corrects the labels; the example lands in (a copy of) nlu_data/; the model is
retrained once on that copy; compare.py scores the retrained candidate against the live model
(held-out split + the annotated inbox item) and marks it ready; the page shows the charts;
`make promote` switches models/live.json (a temporary models directory).

The services are started with tests/e2e/conftest.py's helpers like the `stack` fixture, plus
the trainers' settings (the stack fixture drops every HANDOFF_* variable, and the real
nlu_data/ must never be written by a test). The intent threshold is set to 0.99 so that the
message counts as unsure whatever the current model says about it. One retrain: ~3-5 minutes.
"""

import importlib.util
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("e2e_stack_helpers", REPO / "tests" / "e2e" / "conftest.py")
_e2e = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("e2e_stack_helpers", _e2e)
_spec.loader.exec_module(_e2e)

CHROMIUM = Path("/usr/bin/chromium")
RASA_VENV, API_VENV = _e2e.RASA_VENV, _e2e.API_VENV
MESSAGE = "Ik ben Sofie Claes, mijn nummer is 0472 11 22 33. Mijn stiefmoeder sluit me elke avond op in de kelder."
PASSWORD = "trainer-" + secrets.token_urlsafe(12)
TRAIN_SECONDS = 1200


def wait_for_other_trainings(seconds: int = 900) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        busy = subprocess.run(["pgrep", "-f", "rasa train"], capture_output=True, text=True)
        if busy.returncode != 0:  # none running
            return
        time.sleep(5)


@pytest.fixture(scope="module")
def model_path() -> Path:
    model = os.environ.get("HELPLINE_MODEL")
    if not model:
        pytest.skip("HELPLINE_MODEL is not set: `make test-e2e` sets it")
    path = Path(model) if Path(model).is_absolute() else REPO / model
    if not path.exists():
        pytest.fail(f"HELPLINE_MODEL points to a missing file: {path}")
    if not CHROMIUM.exists():
        pytest.skip("Chromium is missing (`make browser`)")
    return path


def test_message_to_inbox_to_page_to_nlu_data_to_retrain_to_compare_to_promote(model_path, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    work = tmp_path
    nlu = work / "nlu_data"
    shutil.copytree(REPO / "nlu_data", nlu)
    models = work / "models"
    models.mkdir()
    live_name = model_path.name[: -len(".tar.gz")]
    (models / model_path.name).symlink_to(model_path)
    promoted_at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="seconds")
    (models / "live.json").write_text(json.dumps({"model": live_name, "promoted_at": promoted_at}), encoding="utf-8")
    reports = work / "reports" / "comparison"

    rasa_port, actions_port, api_port = _e2e.free_port(), _e2e.free_port(), _e2e.free_port()
    internal_port = _e2e.free_port()
    token = secrets.token_urlsafe(24)
    rasa_token = secrets.token_urlsafe(24)
    endpoints = work / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n', encoding="utf-8")
    database = work / "handoff.db"
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("HANDOFF_", "DATABASE_URL", "RASA_URL", "RASA_AUTH_TOKEN", "RASA_TRACKER"))}
    base_env |= {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1", "TQDM_DISABLE": "1"}
    api_env = base_env | {
        "DATABASE_URL": f"sqlite:///{database}",
        "HANDOFF_ENV": "test",
        "HANDOFF_ALLOW_SIMULATED_CLOCK": "1",
        "HANDOFF_CODE_SECRET_FILE": str(work / "code_secret.key"),
        "HANDOFF_RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "HANDOFF_INTERNAL_TOKEN": token,
        "HANDOFF_RASA_TOKEN": rasa_token,
        "HANDOFF_TRACKER_STORE_URL": f"sqlite:///{work / 'rasa_tracker.db'}",
        "HANDOFF_TRAINER_EXPORTS_DIR": str(work / "reports"),
        "HANDOFF_SMTP_ENABLED": "false",
        "HANDOFF_RASA_TIMEOUT_SECONDS": "60",
        "HANDOFF_RASA_DEADLINE_SECONDS": "60",  # these tests read the bot's own answer
        "HANDOFF_TRAINER_NLU_DATA_DIR": str(nlu),
        "HANDOFF_TRAINER_MODELS_DIR": str(models),
        "HANDOFF_TRAINER_REPORTS_DIR": str(reports),
        "HANDOFF_TRAINER_INTENT_THRESHOLD": "0.99",
        # the message must reach the inbox whatever the model: every label counts as unsure
        "HANDOFF_TRAINER_LABEL_THRESHOLD": "0.9999",
    }
    actions_env = base_env | {"HANDOFF_INTERNAL_URL": f"http://127.0.0.1:{internal_port}", "HANDOFF_INTERNAL_TOKEN": token}
    rasa_env = base_env | {"RASA_AUTH_TOKEN": rasa_token}
    services = []
    try:
        services.append(_e2e._start("api", [str(API_VENV / "uvicorn"), "handoff_api.main:app", "--host", "127.0.0.1",
                                            "--port", str(api_port), "--no-access-log"], api_env, work))
        services.append(_e2e._start("internal", [str(API_VENV / "uvicorn"), "handoff_api.internal_main:app",
                                                 "--host", "127.0.0.1", "--port", str(internal_port),
                                                 "--no-access-log"], api_env, work))
        services.append(_e2e._start("actions", [str(RASA_VENV / "python"), "-m", "rasa_sdk", "--actions", "actions",
                                                "--port", str(actions_port)], actions_env, work))
        services.append(_e2e._start("rasa", [str(RASA_VENV / "rasa"), "run", "--model", str(model_path), "--enable-api",
                                             "--auth-token", rasa_token,
                                             "--endpoints", str(endpoints), "--credentials", str(REPO / "bot" / "credentials.yml"),
                                             "--interface", "127.0.0.1", "--port", str(rasa_port)], rasa_env, work))
        api_service, internal_service, actions_service, rasa_service = services
        api_url = f"http://127.0.0.1:{api_port}"
        _e2e._wait_until_answers(api_service, f"{api_url}/healthz", _e2e.SERVICE_START_SECONDS)
        _e2e._wait_until_answers(actions_service, f"http://127.0.0.1:{actions_port}/health", _e2e.SERVICE_START_SECONDS)
        _e2e._wait_until_answers(internal_service, f"http://127.0.0.1:{internal_port}/healthz", _e2e.SERVICE_START_SECONDS)
        _e2e._wait_until_answers(rasa_service, f"http://127.0.0.1:{rasa_port}/status?token={rasa_token}", _e2e.RASA_START_SECONDS)

        # 1. a real conversation with the bot, ended by the visitor
        with httpx.Client(base_url=api_url, timeout=120) as api:
            created = api.post("/api/v1/conversations", json={"entry_point": "nupraatikerover"})
            assert created.status_code == 201, created.text
            conversation = created.json()
            visitor = {"Authorization": f"Bearer {conversation['token']}"}
            sent = api.post(f"/api/v1/conversations/{conversation['id']}/messages", json={"text": MESSAGE}, headers=visitor)
            assert sent.status_code == 200, sent.text
            assert api.post(f"/api/v1/conversations/{conversation['id']}/end", headers=visitor).status_code == 200
        subprocess.run(
            [str(API_VENV / "handoff-admin"), "create-trainer", "--username", "trainer_an", "--helpline", "nupraatikerover",
             "--password-stdin"], input=PASSWORD + "\n", text=True, env=api_env, cwd=REPO, check=True,
            capture_output=True, timeout=120,
        )

        # 2. the trainer corrects it on the page, in Chromium
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(locale="nl-BE")
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{api_url}/trainers")
            page.fill("#username", "trainer_an")
            page.fill("#password", PASSWORD)
            page.click("#login-form button[type=submit]")
            item = page.locator("li.item").filter(has_text="stiefmoeder sluit me")
            expect(item).to_have_count(1, timeout=60_000)  # the page reads new conversations on login
            shown = item.locator(".text").inner_text()
            assert "[NAAM]" in shown and "[TELEFOON]" in shown
            assert "Sofie" not in page.content() and "0472" not in page.content()
            bot_theme = item.locator(".correction select[name=theme]").input_value()  # preselected: the bot's
            target = "neglect" if bot_theme != "neglect" else "psychological_violence"
            item.locator("button.correct").click()
            item.locator("select[name=intent]").select_option("tell_story")
            item.locator("select[name=theme]").select_option(target)
            item.locator("select[name=age_group]").select_option("unknown")
            item.locator("select[name=role]").select_option("victim")
            item.locator("select[name=urgency]").select_option("none")
            item.locator("form.correction button[type=submit]").click()
            expect(item.locator(".result")).to_contain_text(f"Toegevoegd aan triage_{target}.yml", timeout=30_000)
            assert errors == []

            # 3. the example is in (the copy of) nlu_data, scrubbed, with its labels and origin
            path = nlu / f"triage_{target}.yml"
            written = path.read_text(encoding="utf-8")
            assert "Sofie" not in written and "0472" not in written and "corrected by a trainer" in written
            examples = [
                (block["intent"], example["text"], example.get("metadata"))
                for block in yaml.safe_load(written)["nlu"] for example in block["examples"]
            ]
            [(intent, text, metadata)] = [e for e in examples if "stiefmoeder sluit me" in e[1]]
            assert intent == "tell_story"
            assert metadata == {"triage": {"theme": target, "age_group": "unknown", "role": "victim"}}
            with sqlite3.connect(database) as db:
                stored = " ".join(str(r) for r in db.execute("SELECT * FROM trainer_inbox_decisions"))
            assert "Sofie" not in stored and "0472" not in stored

            # 4. one retrain on that data (the bot's services stop first: 2 cores; and it waits
            # while another Rasa training runs on this machine)
            for service in (rasa_service, actions_service):
                _e2e._stop(service)
            wait_for_other_trainings()
            trained = subprocess.run(
                [str(RASA_VENV / "rasa"), "train", "--config", "config.yml", "--domain", "bot/domain",
                 "--data", str(nlu), "bot/data", "--out", str(models), "--fixed-model-name", "helpline-retrained"],
                env=base_env, cwd=REPO, capture_output=True, text=True, timeout=TRAIN_SECONDS,
            )
            assert trained.returncode == 0, trained.stdout[-3000:] + trained.stderr[-3000:]
            candidate = models / "helpline-retrained.tar.gz"
            assert candidate.exists()

            # 5. the comparison sees the annotated item and marks the candidate ready
            export = work / "reports" / "inbox_annotated.jsonl"  # exports live under reports/
            exported = subprocess.run([str(API_VENV / "handoff-admin"), "inbox", "export", "--out", str(export)],
                                      env=api_env, cwd=REPO, capture_output=True, text=True, timeout=120)
            assert exported.returncode == 0, exported.stderr
            compared = subprocess.run(
                [str(RASA_VENV / "python"), "-m", "bot.nlu_tools.compare", "--candidate", str(candidate),
                 "--models", str(models), "--inbox", str(export), "--out", str(reports)],
                env=base_env, cwd=REPO, capture_output=True, text=True, timeout=1200,
            )
            print(compared.stdout)
            summary = json.loads((reports / "summary.json").read_text(encoding="utf-8"))
            assert summary["sets"]["inbox"] == 1 and summary["live"] == live_name
            details = json.loads((reports / "comparison.json").read_text(encoding="utf-8"))
            assert details["results"]["inbox"]["candidate"]["theme"]["per_label"][target]["support"] == 1
            assert compared.returncode == 0, f"candidate not ready: {summary['reason']}\n{compared.stdout[-2000:]}"
            assert (models / "helpline-retrained.ready.json").exists()

            # 6. the page shows the charts and the verdict
            page.reload()
            expect(page.locator("#charts img")).to_have_count(len(summary["charts"]), timeout=30_000)
            widths = page.eval_on_selector_all("#charts img", "imgs => imgs.map(i => i.naturalWidth)")
            assert all(width > 100 for width in widths)
            expect(page.locator("#comparison")).to_contain_text("klaar om live te gaan")
            artifacts = REPO / "tests" / "artifacts" / "trainers"
            artifacts.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(artifacts / "trainers_page_after_compare.png"), full_page=True)
            browser.close()

        # 7. make promote switches the live model
        promoted = subprocess.run(
            ["make", "-s", "-o", ".venv-rasa/.installed", "promote", f"MODELS_DIR={models}", f"PROMOTE_MODEL={candidate}"],
            env=base_env, cwd=REPO, capture_output=True, text=True, timeout=120,
        )
        assert promoted.returncode == 0, promoted.stdout + promoted.stderr
        live = json.loads((models / "live.json").read_text(encoding="utf-8"))
        assert (live["model"], live["previous"]) == ("helpline-retrained", live_name)
        info = httpx.get(f"{api_url}/api/v1/trainers/models", timeout=30,
                         headers={"Authorization": "Bearer " + httpx.post(
                             f"{api_url}/api/v1/counsellor/login",
                             json={"username": "trainer_an", "password": PASSWORD}, timeout=30).json()["token"]}).json()
        assert info["live"]["model"] == "helpline-retrained"
    finally:
        for service in reversed(services):
            _e2e._stop(service)

# One Makefile for people and CI. `make setup`, then `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV        := .venv
RASA_VENV   := .venv-rasa
PY          := $(VENV)/bin/python
RASA_PY     := $(RASA_VENV)/bin/python
RASA        := $(RASA_VENV)/bin/rasa

CONFIG      := config.yml
DOMAIN      := bot/domain
CORE_DATA   := bot/data
NLU_DATA    := nlu_data
ENDPOINTS   := bot/endpoints.yml
CREDENTIALS := bot/credentials.yml
TEST_STORIES:= tests/stories
MODELS_DIR  := models
FINGERPRINT := $(shell scripts/model_fingerprint.sh)
MODEL_NAME  := helpline-$(FINGERPRINT)
MODEL       := $(MODELS_DIR)/$(MODEL_NAME).tar.gz

RASA_PORT    ?= 5005
ACTIONS_PORT ?= 5055
API_PORT     ?= 8000
INTERNAL_PORT ?= $(or $(HANDOFF_INTERNAL_PORT),8001)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1


.PHONY: help setup venv venv-rasa train validate test test-rasa test-stories test-api test-e2e \
        test-web test-scaled run-scaled browser node-tools classify evaluate bench-nlu scrub scrub-eval run run-rasa run-actions \
        run-api run-internal shell clean

help:
	@echo "make setup   build both environments and train the model if needed"
	@echo "make test    run every test (both environments)"
	@echo "make run     start Rasa (:$(RASA_PORT)), the action server (:$(ACTIONS_PORT)) and the handoff API (:$(API_PORT), internal :$(INTERNAL_PORT))"
	@echo "make run-scaled  the production shape: 2 API workers, 2 Rasa, actions, PostgreSQL and Redis of this machine"
	@echo "make train | validate | shell | run-rasa | run-actions | run-api | run-internal"
	@echo "make -s classify FILE=x.jsonl | evaluate | bench-nlu | compare-models | promote"
	@echo "make bench-load | bench-turn | bench-api   load, per-turn and API-cost benchmarks (issue 14)"
	@echo "make bench-queue   only the counsellors' queue with 2,000 queued (single shape, about a minute)"
	@echo "make bench-load BENCH_ARGS=\"--shapes single,scaled\"   the scaled shape beside the single one (needs PostgreSQL $(TEST_DATABASE_URL), Redis $(TEST_REDIS_URL))"
	@echo "make -s scrub | scrub-eval | browser | node-tools | demo-stats"

setup: venv venv-rasa browser node-tools train

# --- environments ---------------------------------------------------------
venv: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints/api.txt
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version'
	$(PY) -m pip install -q --upgrade "pip==24.0"
	$(PY) -m pip install -q -c constraints/api.txt -e ".[api,dev]"
	touch $@

venv-rasa: $(RASA_VENV)/.installed
$(RASA_VENV)/.installed: pyproject.toml constraints/rasa.txt
	test -x $(RASA_PY) || "$$(scripts/find_python310.sh)" -m venv $(RASA_VENV)
	$(RASA_PY) -m pip install -q --upgrade "pip==24.0"
	$(RASA_PY) -m pip install -q -c constraints/rasa.txt -e ".[rasa]"
	touch $@

# Node tools for the browser tests only (axe-core), pinned in package.json and package-lock.json.
node-tools: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# --- model ----------------------------------------------------------------
validate: venv-rasa
	$(RASA_PY) scripts/validate.py $(RASA) data validate --fail-on-warnings \
	    --config $(CONFIG) --domain $(DOMAIN) --data $(NLU_DATA) $(CORE_DATA)

train: $(MODEL)
$(MODEL):
	$(MAKE) validate
	mkdir -p $(MODELS_DIR)
	$(RASA) train --config $(CONFIG) --domain $(DOMAIN) --data $(NLU_DATA) $(CORE_DATA) \
	    --out $(MODELS_DIR) --fixed-model-name $(MODEL_NAME)
	@echo "Trained $(MODEL)"

# --- tests ----------------------------------------------------------------
test: test-rasa test-stories test-api test-e2e test-web test-scaled

# Action and NLU tests run in the Rasa environment; HELPLINE_MODEL names the trained model.
test-rasa: venv-rasa $(MODEL)
	HELPLINE_MODEL=$(MODEL) $(RASA_VENV)/bin/pytest -q tests/actions tests/bot tests/nlu tests/trainers

test-stories: venv-rasa $(MODEL)
	rm -rf results/stories && mkdir -p results/stories
	RASA_TRACKER_STORE_URL=sqlite:///results/stories/tracker.db $(RASA) test core --model $(MODEL) --stories $(TEST_STORIES) --endpoints $(ENDPOINTS) \
	    --fail-on-prediction-errors --out results/stories

test-api: venv node-tools
	$(VENV)/bin/pytest -q tests/api tests/scrubber

# Whole-stack tests: they start Rasa, the action server and the API on free loopback ports.
test-e2e: venv venv-rasa $(MODEL)
	HELPLINE_MODEL=$(MODEL) $(VENV)/bin/pytest -q tests/e2e

# The scaled shape (issue 14): real uvicorn with 2 workers, 2 Rasa instances, the action server,
# PostgreSQL (TEST_DATABASE_URL, own schemas) and Redis (TEST_REDIS_URL, own key prefix).
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
test-scaled: venv venv-rasa $(MODEL)
	HELPLINE_MODEL=$(MODEL) TEST_DATABASE_URL=$(TEST_DATABASE_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) \
	    $(VENV)/bin/pytest -q tests/scaled

# Browser tests (issue 5): Playwright for Python drives Debian's Chromium headless.
test-web: venv venv-rasa node-tools $(MODEL)
	HELPLINE_MODEL=$(MODEL) $(VENV)/bin/pytest -q tests/web

# Debian's Chromium for the browser tests (the Playwright browser download does not work here).
browser:
	@if [ -x /usr/bin/chromium ]; then echo "Chromium: /usr/bin/chromium"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	    echo "Install Chromium so that /usr/bin/chromium exists (Debian/Ubuntu package 'chromium', plus 'fonts-dejavu-core'); apt-get is not available here." >&2; exit 1; \
	elif [ "$$(id -u)" != 0 ]; then \
	    echo "Chromium is missing: run as root: apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core" >&2; exit 1; \
	else apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core; fi

# --- NLU tools (issue: triage NLU) -----------------------------------------
classify: $(MODEL)
	@$(RASA_PY) -m bot.nlu_tools.classify --model $(MODEL) $(FILE)

# Every labelled set apart: the tuned split, the independent sets, the sealed set (EVALUATE_ARGS=--no-sealed skips it).
EVALUATE_ARGS ?=
evaluate: venv venv-rasa
	$(RASA_PY) -m bot.nlu_tools.evaluate --config $(CONFIG) --domain $(DOMAIN) --data $(NLU_DATA) \
	    --heldout tests/nlu/heldout.jsonl --sets tests/nlu/sets --sealed tests/nlu/sealed --out reports $(EVALUATE_ARGS)
	$(MAKE) --no-print-directory compare-models

bench-nlu: venv-rasa $(MODEL)
	$(RASA_PY) -m bot.nlu_tools.bench --config $(CONFIG) --domain $(DOMAIN) --data $(NLU_DATA) --model $(MODEL)

# --- load (issue 14) ---------------------------------------------------------
.PHONY: bench-load bench-queue bench-turn bench-api
# 1, 20, 50, 100 visitors through the API and straight to Rasa, side by side; an open loop of
# 20 visitors; the counsellors' queue with 2,000 queued. Starts its own stack (a few minutes).
# BENCH_ARGS="--shapes single,scaled" adds the scaled shape (2 API workers, 2 Rasa), up at the same
# time: each round runs every shape and side in turn, and scaled ÷ single is the median of the
# rounds' own ratios; it needs PostgreSQL and Redis (TEST_DATABASE_URL, TEST_REDIS_URL as for
# test-scaled; own schemas and key prefix, removed at the end).
# BENCH_ARGS=--help lists the knobs.
BENCH_ARGS ?=
BENCH_LOAD = HELPLINE_MODEL=$(MODEL) TEST_DATABASE_URL=$(TEST_DATABASE_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) \
	    $(PY) scripts/bench_load.py
bench-load: venv venv-rasa $(MODEL)
	$(BENCH_LOAD) $(BENCH_ARGS)

# Only the counsellors' queue with 2,000 queued (the single shape: no visitors' levels, no open loop).
# Not a sub-make: `make -o .venv/.installed` would not reach it.
bench-queue: venv venv-rasa $(MODEL)
	$(BENCH_LOAD) --levels '' --open-seconds 0 --out reports/bench_queue.json $(BENCH_ARGS)

# The API's own CPU and wall time per visitor message (SQLite, an instant stand-in for Rasa), its
# code at several revisions and settings side by side in alternating rounds (--variant
# label=REV[:KEY=VALUE,...]; REV "worktree" or a git revision). By default both SQLite settings.
BENCH_API_ARGS ?= --variant full=worktree:HANDOFF_SQLITE_SYNCHRONOUS=full \
    --variant normal=worktree:HANDOFF_SQLITE_SYNCHRONOUS=normal
bench-api: venv
	$(PY) scripts/bench_api_cost.py $(BENCH_API_ARGS)

# A bot turn's time per NLU component, policy and action call, and its CPU per message, each
# message sent visitor -> API -> Rasa; BENCH_TURN_ARGS="--conversations 1" for a short run;
# BENCH_TURN_MODELS="models/a.tar.gz models/b.tar.gz" compares models side by side.
BENCH_TURN_MODELS ?= $(MODEL)
BENCH_TURN_ARGS ?=
bench-turn: venv venv-rasa $(MODEL)
	$(RASA_PY) scripts/bench_turn.py $(addprefix --model ,$(BENCH_TURN_MODELS)) $(BENCH_TURN_ARGS)

# --- trainers' loop (issue 6): candidate vs live model, promotion -----------
# models/live.json names the live model (bot/nlu_tools/promote.py); run-rasa uses it when present.
INBOX_EXPORT := reports/inbox_annotated.jsonl
.PHONY: compare-models promote

# The candidate (model of the current data) against the live model, on the held-out split and on
# the inbox items annotated since the live model; marks the candidate ready unless crisis recall drops.
compare-models: venv venv-rasa $(MODEL)
	mkdir -p reports
	$(VENV)/bin/handoff-admin inbox export --out $(INBOX_EXPORT) \
	    || { echo "no inbox export (database not reachable): held-out split only" >&2; rm -f $(INBOX_EXPORT); }
	$(RASA_PY) -m bot.nlu_tools.compare --candidate $(MODEL) --models $(MODELS_DIR) --heldout tests/nlu/heldout.jsonl \
	    $$(test -f $(INBOX_EXPORT) && echo --inbox $(INBOX_EXPORT)) --out reports/comparison

# Makes a ready candidate live (PROMOTE_MODEL=models/helpline-....tar.gz for another ready model).
promote: venv-rasa
	$(RASA_PY) -m bot.nlu_tools.promote --models $(MODELS_DIR) --model $(or $(PROMOTE_MODEL),$(MODEL))

# --- coordinators' statistics (issue 12) -------------------------------------
DEMO_DATABASE_URL ?= $(or $(DATABASE_URL),sqlite:///./demo-stats.db)
.PHONY: demo-stats

# Fills a fresh database from the demand simulator (seed 003's 2020 figures), prints the monthly
# table back with the admin command and the advice on opening hours, and takes screenshots of
# the coordinators' page over that data (tests/artifacts/stats/).
demo-stats: venv
	DATABASE_URL="$(DEMO_DATABASE_URL)" $(PY) -m handoff_api.stats.demo
	DATABASE_URL="$(DEMO_DATABASE_URL)" $(VENV)/bin/handoff-admin stats monthly --helpline nupraatikerover --from 2020-01 --to 2020-10
	DATABASE_URL="$(DEMO_DATABASE_URL)" $(VENV)/bin/handoff-admin hours advise --helpline nupraatikerover --from 2020-01 --to 2020-10
	DATABASE_URL="$(DEMO_DATABASE_URL)" $(PY) scripts/stats_screenshots.py tests/artifacts/stats

# --- privacy tools ----------------------------------------------------------
scrub: venv
	@$(PY) -m handoff_api.scrubber.cli

# Each set on its own, then the bars of issue 11 side by side with each set's role
# (handoff_api/scrubber/README.md). scrub_independent.jsonl to scrub_independent17.jsonl were
# written by other authors, each scored blind and tuned on after that first score.
# SCRUB_BLIND names sets for a blind score by the lead (set 19 now; override with
# `make scrub-eval SCRUB_BLIND=...`): each joins SCRUB_SETS only
# once its file exists and is printed by its figures only (--blind), never its texts.
SCRUB_DIR := tests/scrubber
SCRUB_BLIND := $(SCRUB_DIR)/scrub_independent19.jsonl
SCRUB_BLIND_SETS := $(wildcard $(SCRUB_BLIND))
SCRUB_SETS := $(addprefix $(SCRUB_DIR)/,scrub_testset.jsonl scrub_challenge.jsonl scrub_blind2.jsonl \
              scrub_libraries.jsonl scrub_independent.jsonl scrub_independent2.jsonl \
              scrub_independent3.jsonl scrub_independent4.jsonl scrub_independent5.jsonl \
              scrub_independent6.jsonl scrub_independent7.jsonl scrub_independent8.jsonl \
              scrub_independent9.jsonl scrub_independent10.jsonl scrub_independent11.jsonl \
              scrub_independent12.jsonl scrub_independent13.jsonl scrub_independent14.jsonl \
              scrub_independent15.jsonl scrub_independent16.jsonl scrub_independent17.jsonl \
              scrub_independent18.jsonl) \
              $(SCRUB_BLIND_SETS)
SCRUB_ROLES := --role "$(SCRUB_DIR)/scrub_testset.jsonl=tuned" \
               --role "$(SCRUB_DIR)/scrub_challenge.jsonl=tuned (blind once)" \
               --role "$(SCRUB_DIR)/scrub_blind2.jsonl=tuned (blind once)" \
               --role "$(SCRUB_DIR)/scrub_libraries.jsonl=tuned" \
               --role "$(SCRUB_DIR)/scrub_independent.jsonl=independent (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent2.jsonl=independent 2 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent3.jsonl=independent 3 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent4.jsonl=independent 4 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent5.jsonl=independent 5 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent6.jsonl=independent 6 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent7.jsonl=independent 7 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent8.jsonl=independent 8 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent9.jsonl=independent 9 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent10.jsonl=independent 10 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent11.jsonl=independent 11 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent12.jsonl=independent 12 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent13.jsonl=independent 13 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent14.jsonl=independent 14 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent15.jsonl=independent 15 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent16.jsonl=independent 16 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent17.jsonl=independent 17 (tuned after first score)" \
               --role "$(SCRUB_DIR)/scrub_independent18.jsonl=independent 18 (tuned after first score)" \
               $(foreach set,$(SCRUB_BLIND_SETS),--role "$(set)=blind, not tuned on")
scrub-eval: venv
	$(PY) -m handoff_api.scrubber.evaluate $(SCRUB_SETS) $(SCRUB_ROLES) $(addprefix --blind ,$(SCRUB_BLIND_SETS))

# --- running --------------------------------------------------------------
run: $(MODEL)
	scripts/run_stack.sh

# The production shape on this machine (README "Two shapes"); SCALED_POSTGRES_URL, HANDOFF_REDIS_URL.
run-scaled: $(MODEL)
	scripts/run_scaled.sh

# Rasa's HTTP API and REST channel take RASA_AUTH_TOKEN (make run makes one; the API sends it);
# trackers go to RASA_TRACKER_STORE_URL (default sqlite:///rasa_tracker.db, bot/tracker_store.py).
run-rasa: $(MODEL)
	@test -n "$${RASA_AUTH_TOKEN:-}" || { echo "RASA_AUTH_TOKEN is not set (make run sets one; the API needs the same value)" >&2; exit 1; }
	live="$$($(RASA_PY) -m bot.nlu_tools.promote --print-live --models $(MODELS_DIR))"; \
	$(RASA) run --model "$${live:-$(MODEL)}" --enable-api --auth-token="$$RASA_AUTH_TOKEN" \
	    --endpoints $(ENDPOINTS) --credentials $(CREDENTIALS) --interface 127.0.0.1 --port $(RASA_PORT)

run-actions: venv-rasa
	SANIC_HOST=127.0.0.1 $(RASA_PY) -m rasa_sdk --actions actions --port $(ACTIONS_PORT)

run-api: venv
	$(VENV)/bin/uvicorn handoff_api.main:app --host 127.0.0.1 --port $(API_PORT) --no-proxy-headers

# The internal API for the action server: its own app, on loopback only (HANDOFF_INTERNAL_PORT).
run-internal: venv
	HANDOFF_INTERNAL_PORT=$(INTERNAL_PORT) $(PY) -m handoff_api.internal_main

shell: $(MODEL)
	live="$$($(RASA_PY) -m bot.nlu_tools.promote --print-live --models $(MODELS_DIR))"; \
	$(RASA) shell --model "$${live:-$(MODEL)}" --endpoints $(ENDPOINTS)

clean:
	rm -rf $(MODELS_DIR) results reports

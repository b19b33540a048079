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

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1


.PHONY: help setup venv venv-rasa train validate test test-rasa test-stories test-api test-e2e \
        classify evaluate bench-nlu scrub scrub-eval run run-rasa run-actions run-api shell clean

help:
	@echo "make setup   build both environments and train the model if needed"
	@echo "make test    run every test (both environments)"
	@echo "make run     start Rasa (:$(RASA_PORT)), the action server (:$(ACTIONS_PORT)) and the handoff API (:$(API_PORT))"
	@echo "make train | validate | shell | run-rasa | run-actions | run-api"

setup: venv venv-rasa train

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
test: test-rasa test-stories test-api test-e2e

# Action and NLU tests run in the Rasa environment; HELPLINE_MODEL names the trained model.
test-rasa: venv-rasa $(MODEL)
	HELPLINE_MODEL=$(MODEL) $(RASA_VENV)/bin/pytest -q tests/actions tests/bot tests/nlu

test-stories: venv-rasa $(MODEL)
	rm -rf results/stories
	$(RASA) test core --model $(MODEL) --stories $(TEST_STORIES) --endpoints $(ENDPOINTS) \
	    --fail-on-prediction-errors --out results/stories

test-api: venv
	$(VENV)/bin/pytest -q tests/api tests/scrubber

# Whole-stack tests: they start Rasa, the action server and the API on free loopback ports.
test-e2e: venv venv-rasa $(MODEL)
	HELPLINE_MODEL=$(MODEL) $(VENV)/bin/pytest -q tests/e2e

# --- NLU tools (issue: triage NLU) -----------------------------------------
classify: $(MODEL)
	@$(RASA_PY) -m bot.nlu_tools.classify --model $(MODEL) $(FILE)

evaluate: venv venv-rasa
	$(RASA_PY) -m bot.nlu_tools.evaluate --config $(CONFIG) --domain $(DOMAIN) --data $(NLU_DATA) \
	    --heldout tests/nlu/heldout.jsonl --out reports

bench-nlu: venv-rasa $(MODEL)
	$(RASA_PY) -m bot.nlu_tools.bench --config $(CONFIG) --domain $(DOMAIN) --data $(NLU_DATA) --model $(MODEL)

# --- privacy tools ----------------------------------------------------------
scrub: venv
	@$(PY) -m handoff_api.scrubber.cli

scrub-eval: venv
	$(PY) -m handoff_api.scrubber.evaluate tests/scrubber/scrub_testset.jsonl

# --- running --------------------------------------------------------------
run: $(MODEL)
	scripts/run_stack.sh

run-rasa: $(MODEL)
	$(RASA) run --model $(MODEL) --enable-api --endpoints $(ENDPOINTS) --credentials $(CREDENTIALS) \
	    --interface 127.0.0.1 --port $(RASA_PORT)

run-actions: venv-rasa
	SANIC_HOST=127.0.0.1 $(RASA_PY) -m rasa_sdk --actions actions --port $(ACTIONS_PORT)

run-api: venv
	$(VENV)/bin/uvicorn handoff_api.main:app --host 127.0.0.1 --port $(API_PORT)

shell: $(MODEL)
	$(RASA) shell --model $(MODEL) --endpoints $(ENDPOINTS)

clean:
	rm -rf $(MODELS_DIR) results reports

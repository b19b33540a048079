#!/usr/bin/env bash
# A short hash of everything a trained model depends on: the pipeline, the domain,
# the training data and the custom NLU components. Same inputs, same model name.
set -euo pipefail
find config.yml bot/domain bot/data bot/components nlu_data -type f \
     \( -name '*.yml' -o -name '*.yaml' -o -name '*.py' -o -name '*.txt' \) -not -path '*/__pycache__/*' \
  | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12

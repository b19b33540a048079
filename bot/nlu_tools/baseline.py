"""The scikit-learn baseline the Rasa pipeline is measured against.

One classifier per triage field: TF-IDF word uni/bigrams + character 2-5-grams
(lower-cased raw text) and a linear SVM with balanced class weights. It is
trained on exactly the examples and labels the Rasa components train on
(`bot.components.labels.training_labels`), so the two differ only in the model:
no text normalisation, no cue features, no age or crisis rules, no threshold.
"""

from __future__ import annotations

from typing import Dict, List, Tuple

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from bot.components.labels import FIELDS, training_labels


def load_examples(data_path: str) -> List[Tuple[str, Dict[str, str]]]:
    """(text, labels) for every intent example under `data_path` (a file or directory)."""
    from rasa.shared.nlu.training_data.loading import load_data

    training_data = load_data(data_path)
    return [
        (example.get("text"), training_labels(example.get("intent"), example.get("metadata")))
        for example in training_data.intent_examples
    ]


def make_model() -> Pipeline:
    return Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [
                        ("word", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
                    ]
                ),
            ),
            ("classifier", LinearSVC(C=1.0, class_weight="balanced")),
        ]
    )


class Baseline:
    """Per-field TF-IDF + linear SVM."""

    def __init__(self) -> None:
        self.models: Dict[str, Pipeline] = {}

    def fit(self, examples: List[Tuple[str, Dict[str, str]]]) -> "Baseline":
        for field in FIELDS:
            texts = [text for text, labels in examples if field in labels]
            labels = [labels[field] for _, labels in examples if field in labels]
            self.models[field] = make_model().fit(texts, labels)
        return self

    def predict(self, texts: List[str]) -> List[Dict[str, str]]:
        columns = {field: model.predict(texts) for field, model in self.models.items()}
        return [{field: str(columns[field][i]) for field in columns} for i in range(len(texts))]

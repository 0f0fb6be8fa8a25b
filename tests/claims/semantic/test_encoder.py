"""The encoder installs like code: it loads and encodes from the installed packages alone."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from claims.semantic.encoder import (
    CLASSIFIER_ID,
    CLASSIFIER_MAX_TOKENS,
    CLASSIFIER_PATH,
    CLASSIFIER_SHA256,
    CROSS_ID,
    CROSS_MAX_TOKENS,
    CROSS_PATH,
    CROSS_SHA256,
    DIMENSION,
    MATCHING_MODEL_ID,
    MODEL_ID,
    Classifier,
    Encoder,
    EncoderUnavailable,
    ModelFiles,
    PairScorer,
    load_encoder,
    load_matching_encoder,
    matching_encoder_problem,
    model_files,
)


@pytest.fixture
def network_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """On top of the suite's loopback-only guard: no socket may connect anywhere, and the
    Hugging Face libraries are told they are offline (they must not need to be)."""

    def refuse(self: socket.socket, address: object) -> None:
        raise AssertionError(f"the encoder tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


def test_encoder_loads_and_encodes_with_the_network_refused(network_refused: None) -> None:
    # A fresh Encoder, not the process's cached one: this load happens under the refusal.
    encoder = Encoder(model_files())
    vectors = encoder.encode(
        [
            "Joe Biden owns the largest mansion in his state.",
            "Does Joe Biden own the biggest house in Delaware?",
            "The recipe needs two cups of flour and an egg.",
        ]
    )
    assert vectors.shape == (3, DIMENSION)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    paraphrase, unrelated = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert paraphrase > 0.6
    assert paraphrase > unrelated + 0.4


def test_batches_sorted_by_length_give_the_vectors_of_single_texts() -> None:
    encoder = load_encoder()
    assert encoder is not None, "the pinned model packages are installed in the test venv"
    texts = [
        "A very long sentence about a bridge to the islands that cost 412 million euros, "
        "according to officials who spoke on Tuesday in the capital.",
        "Short one.",
        "A middle-sized claim about 20,000 islanders.",
    ]
    together = encoder.encode(texts, batch_size=2)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    # Padding and batching must not change a text's vector (order kept, padding masked).
    np.testing.assert_allclose(together, alone, atol=1e-4)


def test_load_encoder_is_loaded_once_per_process() -> None:
    first = load_encoder()
    assert first is not None
    assert load_encoder() is first
    assert first.model_id == MODEL_ID


def test_encoding_nothing_gives_an_empty_matrix() -> None:
    encoder = load_encoder()
    assert encoder is not None
    assert encoder.encode([]).shape == (0, DIMENSION)


def test_matching_encodes_with_the_base_encoder_until_a_fine_tuned_one_wins() -> None:
    # bench/MATCHING.md (negative results): the fine-tuned encoder lost on train CV.
    assert MATCHING_MODEL_ID == MODEL_ID
    assert load_matching_encoder() is load_encoder()
    assert matching_encoder_problem() is None


def test_a_changed_model_file_is_refused(tmp_path) -> None:
    files = model_files()
    changed = tmp_path / "model.onnx"
    changed.write_bytes(files.model.read_bytes()[:-1] + b"\0")
    with pytest.raises(EncoderUnavailable, match="sha256 differs"):
        Encoder(ModelFiles(model=changed, tokenizer=files.tokenizer))


def test_the_checkworthiness_classifier_loads_and_scores_with_the_network_refused(
    network_refused: None,
) -> None:
    """The fine-tuned classifier ships in the repository and runs on the installed packages
    alone: a fresh load under the refusal, one logit per text."""
    classifier = Classifier(
        ModelFiles(model=CLASSIFIER_PATH, tokenizer=model_files().tokenizer),
        model_id=CLASSIFIER_ID,
        expected_sha256=CLASSIFIER_SHA256,
        max_tokens=CLASSIFIER_MAX_TOKENS,
    )
    logits = classifier.encode(
        [
            "Unemployment fell to 4.1 per cent last year, the lowest rate since 1990.",
            "Thank you very much, it is good to be here tonight.",
            "The city spent 412 million euros on the bridge, according to the audit office.",
            "What do you think about that?",
        ]
    )
    assert logits.shape == (4, 1)
    facts, chatter = logits[[0, 2], 0], logits[[1, 3], 0]
    assert facts.min() > 0 > chatter.max()


def test_load_encoder_gives_the_model_asked_for() -> None:
    classifier = load_encoder(CLASSIFIER_ID)
    assert isinstance(classifier, Classifier)
    assert classifier.model_id == CLASSIFIER_ID
    assert load_encoder(CLASSIFIER_ID) is classifier
    assert load_encoder() is not classifier
    assert load_encoder("no-such-model") is None
    # Batching does not change a text's logit.
    texts = ["Short one.", "A middle-sized claim about 20,000 islanders.", "He said it rose 12%."]
    together = classifier.encode(texts, batch_size=2)
    alone = np.concatenate([classifier.encode([t]) for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-4)


def test_the_matching_cross_encoder_loads_and_scores_pairs_with_the_network_refused(
    network_refused: None,
) -> None:
    """The cross-encoder ships in the repository: a fresh load under the refusal, one logit per
    (query, candidate) pair, the checked claim above the unrelated ones."""
    scorer = PairScorer(
        ModelFiles(model=CROSS_PATH, tokenizer=model_files().tokenizer),
        model_id=CROSS_ID,
        expected_sha256=CROSS_SHA256,
        max_tokens=CROSS_MAX_TOKENS,
    )
    query = "Biden has the biggest house of anyone in his home state of Delaware"
    logits = scorer.score(
        query,
        [
            "The Eiffel Tower was sold for scrap metal in 1925.",
            "Joe Biden owns the largest mansion in Delaware.",
            "Drinking bleach cures the coronavirus.",
        ],
    )
    assert logits.shape == (3,)
    assert int(np.argmax(logits)) == 1
    assert logits[1] > max(logits[0], logits[2]) + 2
    assert len(scorer.score(query, [])) == 0


def test_load_encoder_gives_the_cross_encoder_by_its_id() -> None:
    scorer = load_encoder(CROSS_ID)
    assert isinstance(scorer, PairScorer)
    assert scorer.model_id == CROSS_ID
    with pytest.raises(TypeError, match="call score"):
        scorer.encode(["a text alone"])
    # Batching and the company of other candidates do not change a pair's logit.
    query = "20,000 islanders were deported from the Kurils"
    texts = ["Short one.", "17,000 islanders were deported from the Kuril Islands.", "He said 12%."]
    together = scorer.score(query, texts, batch_size=2)
    alone = np.concatenate([scorer.score(query, [t]) for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-4)

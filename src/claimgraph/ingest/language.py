"""Language identification with py3langid (langid.py's model, shipped in the wheel)."""

from __future__ import annotations

from pathlib import Path

from py3langid import langid  # type: ignore[import-untyped]

# Characters read for identification: enough for a stable answer, cheap on long texts.
_SAMPLE_CHARS = 3000
_MIN_CONFIDENCE = 0.5


class LanguageIdentifier:
    """Identifies ISO 639-1 codes. Build once per run and pass it in (the model takes ~0.1 s to load)."""

    def __init__(self) -> None:
        self._model = langid.LanguageIdentifier.from_modelpath(Path(langid.MODEL_DIR) / langid.MODEL_FILE, norm_probs=True)

    def identify(self, text: str, *, declared: str | None = None) -> str:
        """The text's language; a declared two-letter code (from metadata) wins when given.

        Returns "und" (undetermined) when the text is too short or the model is unsure.
        """
        if declared and len(declared) >= 2 and declared[:2].isalpha():
            return declared[:2].lower()
        sample = text[:_SAMPLE_CHARS]
        if len(sample.split()) < 3:
            return "und"
        code, confidence = self._model.classify(sample)
        return str(code) if confidence >= _MIN_CONFIDENCE else "und"

"""Stage ``language``: which language the article is in (lingua, restricted to
``language.candidates``). Short texts count as German; a non-German article keeps its
language code and a warning, and the coding stages leave it alone."""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any, ClassVar, Mapping

from ..model import Doc

#: Characters of title + body the detector looks at (enough for a reliable decision).
SAMPLE_CHARS = 1200


@functools.lru_cache(maxsize=4)
def _detector(candidates: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = []
    for code in candidates:
        try:
            codes.append(IsoCode639_1.from_str(code))
        except (ValueError, AttributeError):
            raise ValueError(f"language.candidates: unknown ISO 639-1 code {code!r}") from None
    if len(codes) < 2:
        raise ValueError("language.candidates needs at least two languages")
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect(text: str, candidates: tuple[str, ...], min_chars: int = 40) -> str | None:
    """ISO 639-1 code of ``text``; "de" for texts under ``min_chars``; None if undecided."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample) < min_chars:
        return "de"
    lang = _detector(candidates).detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else None


@dataclass(frozen=True)
class LanguageStage:
    candidates: tuple[str, ...] = ("de", "en")
    min_chars: int = 40
    code_only: tuple[str, ...] = ("de",)
    name: ClassVar[str] = "language"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("article",)

    def __call__(self, doc: Doc) -> Doc:
        art = doc.article
        if art is None:
            return doc
        text = f"{art.title or ''}\n{art.body}".strip()
        lang = detect(text, self.candidates, self.min_chars)
        warnings = list(art.warnings)
        if lang is None:
            lang = "de"
            warnings.append("doubt: language undecided; treated as German")
        elif lang not in self.code_only:
            warnings.append(f"not German: coded as none (language {lang})")
        art = dataclasses.replace(art, language=lang, warnings=tuple(warnings))
        return dataclasses.replace(doc, article=art)


def make_stage(settings: Mapping[str, Any]) -> LanguageStage:
    cfg = settings.get("language", {})
    stage = LanguageStage(
        candidates=tuple(cfg.get("candidates", ("de", "en"))),
        min_chars=int(cfg.get("min_chars", 40)),
        code_only=tuple(cfg.get("code_only", ("de",))),
    )
    return stage

"""Voice guidance: each screen's instruction spoken when the citizen turns voice on (QtTextToSpeech with
speech-dispatcher and espeak-ng on a kiosk; Qt's mock engine in QA and tests).

Only instructions are spoken, never what the citizen's documents say: any run of five or more digits (an ID,
document, phone or CAN number) is dropped from the text before it reaches the engine, whatever the caller
passed. Every session starts with voice off at the configured volume.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

log = logging.getLogger("kiosk.voice")
# Five digits or more, spaced, dashed or masked, with any letters stuck to them (E12345678).
NUMBERS = re.compile(r"[0-9A-Za-z*]*[0-9][0-9 *-]{3,}[0-9][0-9A-Za-z*]*")
LOCALES = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
# espeak-ng's Mandarin voice comes through speech-dispatcher under the language code "cmn", which Qt does
# not map to a locale: where the locale finds nothing, the voice is chosen by its name.
VOICE_NAMES = {"zh": "Chinese (Mandarin", "en": "English"}
VOLUME_STEP = 0.15


def speakable(text: str) -> str:
    """The text without any number long enough to identify someone."""
    return " ".join(NUMBERS.sub(" ", text).split())


class Voice:
    """Speaks on request while on; `reset` (each new session) turns it off and restores the volume."""

    def __init__(self, engine: str, volume: float) -> None:
        self._engine_name, self._default_volume = engine, volume
        self._engine: QTextToSpeech | None = None
        self._voices: dict[str, QVoice] = {}
        self.on = False
        self.volume = volume
        self.language = "zh"
        self.last = ""  # the last instruction, for "repeat"
        self.spoken: list[str] = []  # what was handed to the engine (QA, tests); never personal

    @property
    def available(self) -> bool:
        return self._engine_name != "none"

    def toggle(self) -> None:
        self.on = not self.on and self.available
        if self.on:
            self.say(self.last)
        else:
            self.stop()

    def announce(self, text: str) -> None:
        """A screen's instruction: remembered for "repeat", spoken when voice is on."""
        self.last = text
        if self.on:
            self.say(text)

    def warn(self, text: str) -> None:
        """Spoken even with voice off: the idle warning must be heard as well as seen."""
        self.say(text)

    def say(self, text: str) -> None:
        text = speakable(text)
        engine = self._tts()
        if not text or engine is None:
            return
        self.spoken = (self.spoken + [text])[-50:]
        self._speak_in(engine, self.language)
        engine.setVolume(self.volume)
        engine.say(text)

    def repeat(self) -> None:
        if self.on:
            self.say(self.last)

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()

    def change_volume(self, steps: int) -> None:
        self.volume = min(1.0, max(0.1, self.volume + steps * VOLUME_STEP))
        self.repeat()

    def reset(self) -> None:
        self.stop()
        self.on, self.volume, self.last = False, self._default_volume, ""

    def _speak_in(self, engine: QTextToSpeech, language: str) -> None:
        """The language's locale, or else its voice by name (found once, then remembered)."""
        if language in self._voices:
            engine.setVoice(self._voices[language])
            return
        locale = LOCALES.get(language, LOCALES["zh"])
        engine.setLocale(locale)
        if engine.locale().language() == locale.language():
            self._voices[language] = engine.voice()
            return
        name = VOICE_NAMES.get(language, "")
        for other in engine.availableLocales():
            engine.setLocale(other)
            voice = next((v for v in engine.availableVoices() if v.name().startswith(name)), None)
            if voice is not None:
                engine.setVoice(voice)
                self._voices[language] = voice
                return

    def _tts(self) -> QTextToSpeech | None:
        """The engine, made on first use (speech-dispatcher is not started for a kiosk nobody hears)."""
        if self._engine is None and self.available:
            from PySide6.QtTextToSpeech import QTextToSpeech
            self._engine = QTextToSpeech(self._engine_name)
            if self._engine.state() == QTextToSpeech.State.Error:
                log.warning("voice engine %s: %s", self._engine_name, self._engine.errorString())
        return self._engine


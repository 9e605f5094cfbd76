"""Qt Linguist translations: the QML is written in English, Chinese comes from ui/i18n/kiosk_zh.qm."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlEngine

I18N_DIR = resources.files("ui") / "i18n"


class Translations:
    """Switches the running UI between languages; English needs no translator."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None

    def apply(self, language: str, engine: QQmlEngine | None = None) -> bool:
        """Install `language`; False when its catalogue is missing (the UI then stays English)."""
        self.remove()
        loaded = language == "en" or self._install(language)
        if engine is not None:
            engine.retranslate()
        return loaded

    def remove(self) -> None:
        """Uninstall this object's catalogue (the application outlives the kiosk in tests and QA)."""
        if self._translator is not None:
            QCoreApplication.instance().removeTranslator(self._translator)
            self._translator = None

    def _install(self, language: str) -> bool:
        translator = QTranslator()
        if not translator.load(str(I18N_DIR / f"kiosk_{language}.qm")):
            return False
        QCoreApplication.instance().installTranslator(translator)
        self._translator = translator
        return True

# Thin wrappers: scripts/setup.sh does the work (and also runs where make is not installed yet).
.PHONY: demo test setup lint screenshots bench i18n

demo:
	bash scripts/setup.sh demo

test:
	bash scripts/setup.sh test

setup:
	bash scripts/setup.sh install

lint: setup
	.venv/bin/ruff check src tests
	.venv/bin/mypy
	.venv/bin/lint-imports

screenshots: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/kiosk screenshot --all --out docs/screenshots

bench: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/kiosk bench

i18n: setup
	.venv/bin/pyside6-lupdate $$(find src/ui/qml -name '*.qml') -ts src/ui/i18n/kiosk_zh.ts -no-obsolete
	.venv/bin/pyside6-lrelease src/ui/i18n/kiosk_zh.ts -qm src/ui/i18n/kiosk_zh.qm

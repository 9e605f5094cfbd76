# Thin wrappers: scripts/setup.sh does the work (and also runs where make is not installed yet).
.PHONY: demo test setup lint screenshots bench i18n bundle lock

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

# The one-folder bundle dist/kiosk (kiosk.spec), then the same smoke test CI runs on its own build.
bundle: setup
	.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build kiosk.spec
	du -sh dist/kiosk
	KIOSK_BUNDLE=dist/kiosk QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software \
		.venv/bin/python -m pytest -q tests/test_bundle.py

# Re-pin after changing pyproject.toml. Existing pins stay; `make lock UPGRADE="-P numpy"` moves one, -U all.
LOCK_OPTS = --python-version 3.11 --python-platform x86_64-manylinux_2_34 --generate-hashes -q \
	--custom-compile-command "make lock" $(UPGRADE)
lock:
	.venv/bin/python -m pip install -q uv
	.venv/bin/uv pip compile pyproject.toml $(LOCK_OPTS) -o requirements.lock
	.venv/bin/uv pip compile pyproject.toml --extra test $(LOCK_OPTS) -c requirements.lock -o requirements-test.lock

# Xingguo SWC plugin.  `make demo` and `make test` set up a fresh Debian 12 machine
# themselves (apt-get as root), then run headless against real QGIS.
SHELL := /bin/bash
PYTHON := /usr/bin/python3
PLUGIN := xingguo_swc_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
OUT := out
PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

# Debian packages the targets need, per Debian release (the only place naming them):
# bookworm = this machine, QGIS 3.22 (`make deps`); trixie = QGIS 3.40 LTR (`make test-ltr`).
DEB_COMMON := qgis python3-qgis qgis-providers python3-pytest python3-pytestqt \
	python3-numpy python3-geopandas python3-fiona python3-psutil python3-pyflakes gdal-bin xvfb xauth \
	poppler-utils fonts-noto-cjk fonts-wqy-microhei pyqt5-dev-tools qttools5-dev-tools zip unzip e2fsprogs python3-psycopg2 qttranslations5-l10n
DEB_PACKAGES_bookworm := $(DEB_COMMON) python3-venv postgresql-15-postgis-3 postgresql-15 postgresql-client-15
DEB_PACKAGES_trixie := $(DEB_COMMON) postgresql-17-postgis-3 postgresql-17 postgresql-client-17 \
	python3-venv make passwd procps
DEB_RELEASE := $(shell . /etc/os-release 2>/dev/null && echo $$VERSION_CODENAME)
DEB_PACKAGES := $(or $(DEB_PACKAGES_$(DEB_RELEASE)),$(DEB_PACKAGES_bookworm))
# The QGIS LTR root: Debian 13 built once by debootstrap, cached outside the checkout.
LTR_SUITE := trixie

.PHONY: deps test test-fast test-ltr demo package deploy run bench translations lint e2e clean

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing Debian packages: $$missing"; \
		if [ "$$(id -u)" != 0 ]; then echo "run as root (apt-get) or install: $$missing"; exit 1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

test: deps lint
	$(PYTHON) -m pytest -q tests

# The inner loop: no server, no desktop, no peer venv, nothing slow (under a minute).
test-fast: deps
	$(PYTHON) -m pytest -q -m "not postgis and not e2e and not peer and not slow" tests

# The whole suite again on QGIS 3.40 in the cached Debian 13 root (root needed: debootstrap,
# chroot).  The peer venv lives in the root, not in the checkout (another Python there).
test-ltr:
	.ci/ltr-root $(LTR_SUITE) "$(DEB_PACKAGES_$(LTR_SUITE))" $(CURDIR) -- \
		env XGSWC_BENCH_VENV=/var/cache/xgswc-bench-venv $(PYTHON) -m pytest -q tests

demo: deps
	$(PYTHON) tests/tools/demo.py $(OUT)

package: deps
	rm -rf dist && mkdir -p dist/$(PLUGIN)
	cp -rL $(PLUGIN)/. dist/$(PLUGIN)/
	find dist/$(PLUGIN) -name '__pycache__' -prune -exec rm -rf {} + ; \
	find dist/$(PLUGIN) -name '*.ts' -delete
	rm -rf dist/$(PLUGIN)/resources/screenshots
	lrelease -silent i18n/xingguo_swc_zh_CN.ts -qm dist/$(PLUGIN)/i18n/xingguo_swc_zh_CN.qm
	cd dist && zip -qr $(PLUGIN)-$(VERSION).zip $(PLUGIN)
	@echo "dist/$(PLUGIN)-$(VERSION).zip"

deploy: package
	mkdir -p $(PROFILE)/python/plugins
	rm -rf $(PROFILE)/python/plugins/$(PLUGIN)
	cd $(PROFILE)/python/plugins && unzip -q $(CURDIR)/dist/$(PLUGIN)-$(VERSION).zip
	@echo "deployed into $(PROFILE)/python/plugins/$(PLUGIN)"

run: deploy demo
	qgis --nologo $(OUT)/workspace/xingguo_sample.gpkg

bench: deps
	$(PYTHON) tests/bench/bench.py $(OUT)/bench

# pylupdate5 puts plain tr("...") calls in context @default; translation.tr looks them
# up in XingguoSWC: rename around the refresh so existing translations are kept.
TS := i18n/xingguo_swc_zh_CN.ts
translations:
	[ ! -f $(TS) ] || sed -i 's#<name>XingguoSWC</name>#<name>@default</name>#' $(TS)
	pylupdate5 -noobsolete $$(find $(PLUGIN) -name '*.py' -o -name '*.ui' | sort) -ts $(TS)
	sed -i 's#<name>@default</name>#<name>XingguoSWC</name>#' $(TS)
	lrelease -silent $(TS) -qm i18n/xingguo_swc_zh_CN.qm

e2e: deps
	$(PYTHON) tests/e2e/run_e2e.py

# ruff (pyflakes, pycodestyle, isort, naming, bugbear, pyupgrade) and ruff format, as
# configured in pyproject.toml; pinned so every machine formats alike.
RUFF_VERSION := 0.17.6
LINT_VENV := .lint-venv
RUFF := $(LINT_VENV)/bin/ruff
$(RUFF):
	$(PYTHON) -m venv --clear $(LINT_VENV)
	$(LINT_VENV)/bin/pip install -q --disable-pip-version-check ruff==$(RUFF_VERSION)

lint: deps $(RUFF)
	$(RUFF) check .
	$(RUFF) format --check .

clean:
	rm -rf dist $(OUT)

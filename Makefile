# SourcingSim: the two set-up commands of README.md.
#   make run    build and run the main job (the embedded Southwark scenario unless ARGS names a file)
#   make test   build and run the tests
# Both install GSL (Debian's libgsl-dev), zlib (zlib1g-dev, for the workbook's zip) and
# pkg-config with apt-get when they are missing; `make test` also installs, when missing, the
# programs the rendering tests drive: Debian's chromium and libreoffice-calc-nogui, with
# fonts-dejavu-core (those tests are skipped where the programs are absent).

SWIFT ?= swift
ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test gsl test-tools bench fuzz

gsl:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists gsl zlib; then \
		echo "Installing GSL (libgsl-dev), zlib1g-dev and pkg-config with apt-get..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgsl-dev zlib1g-dev pkg-config; \
	fi

# A browser and a spreadsheet for the tests that render report.html and business-case.xlsx.
test-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	[ -d /usr/share/fonts/truetype/dejavu ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing with apt-get..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

run: gsl
	$(SWIFT) run -c release sourcing-sim run $(ARGS)

test: gsl test-tools
	$(SWIFT) test

bench: gsl
	$(SWIFT) run -c release sourcing-sim bench $(ARGS)

# SourcingSim: the two set-up commands of README.md.
#   make run    build and run the main job (the embedded Southwark scenario unless ARGS names a file)
#   make test   build and run the tests
# Both install GSL (Debian's libgsl-dev) and pkg-config with apt-get when they are missing.

SWIFT ?= swift
ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test gsl bench fuzz

gsl:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists gsl; then \
		echo "Installing GSL (libgsl-dev) and pkg-config with apt-get..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgsl-dev pkg-config; \
	fi

run: gsl
	$(SWIFT) run -c release sourcing-sim run $(ARGS)

test: gsl
	$(SWIFT) test

bench: gsl
	$(SWIFT) run -c release sourcing-sim bench $(ARGS)

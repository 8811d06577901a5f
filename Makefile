# mCommunity — the two commands a newcomer needs: `make run` and `make test`.
# Both install what is missing (Debian packages, npm packages, tauri-driver) before they start.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# A warm cargo target dir outside the checkout keeps rebuilds (and CI) fast.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/mcommunity-target
APP_BIN := $(CARGO_TARGET_DIR)/debug/mcommunity-app
RELEASE_BIN := $(CARGO_TARGET_DIR)/release/mcommunity-app

DEBIAN_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libopus-dev \
	xvfb xauth webkit2gtk-driver chromium chromium-driver espeak-ng opus-tools \
	gstreamer1.0-plugins-base gstreamer1.0-plugins-good

.PHONY: help deps deps-debian deps-npm deps-driver ui ui-mock app server run test test-rust test-ui \
	test-browser test-dashboard test-e2e bindings bench release clean

help:
	@echo "make run    build and start the app (under Xvfb when there is no display)"
	@echo "make test   every test: Rust, UI unit tests, accessibility in Chromium, the real app end to end"
	@echo "make bench  app size, cold start and memory; sync against automerge-repo; dashboard speed; attachment sizes"

deps: deps-debian deps-npm deps-driver

deps-debian:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=300 update -q; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q $$missing; \
	fi
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node.js >= 20.19 is needed (found "+process.versions.node+")"); process.exit(1) }'
	@command -v cargo >/dev/null || { echo "Rust is needed: install it with rustup (https://rustup.rs)"; exit 1; }

deps-npm:
	@[ -d ui/node_modules ] && [ ui/node_modules/.package-lock.json -nt ui/package-lock.json ] || npm --prefix ui ci --no-audit --no-fund
	@[ -d tests/node_modules ] && [ tests/node_modules/.package-lock.json -nt tests/package-lock.json ] || npm --prefix tests ci --no-audit --no-fund

deps-driver:
	@command -v tauri-driver >/dev/null || [ -x $(HOME)/.cargo/bin/tauri-driver ] || cargo install tauri-driver --version '^2' --locked

ui: deps-npm
	npm --prefix ui run build

ui-mock: deps-npm
	npm --prefix ui run build:mock

# The app with the UI embedded, as it ships (debug profile: quick to build, line tables only).
app: ui
	cargo build -p mcommunity-app --features custom-protocol

# Demo content lives in its own data folders, so it never mixes with a real start's data; each
# `make run` starts the demo afresh.
DEMO_DATA := $(HOME)/.local/share/mcommunity-demo
SERVER_BIN := $(CARGO_TARGET_DIR)/debug/mcommunity-sync-server
DEMO_PORT ?= 8787

server:
	cargo build -p mcommunity-sync-server

# The sync server on its embedded SQLite, and the app (with demo people) syncing with it. Without
# a desktop session there is no OS keyring, so the demo keeps the sync credential in memory and
# says so; a real install keeps it in the keyring.
run: deps app server
	@echo "demo: starting from fresh demo data in $(DEMO_DATA)"; \
	rm -rf $(DEMO_DATA); mkdir -p $(DEMO_DATA)/server $(DEMO_DATA)/app; \
	$(SERVER_BIN) content publish lessons --data $(DEMO_DATA)/server --narration-cache $(CARGO_TARGET_DIR)/narration-cache; \
	$(SERVER_BIN) serve --demo --listen 127.0.0.1:$(DEMO_PORT) --data $(DEMO_DATA)/server & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	for i in $$(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$(DEMO_PORT)) 2>/dev/null && break; sleep 0.1; done; \
	echo "sync server: http://127.0.0.1:$(DEMO_PORT) (data in $(DEMO_DATA)/server)"; \
	echo "the municipality's dashboard: http://127.0.0.1:$(DEMO_PORT)/dashboard (the server prints its DEMO logins)"; \
	echo "the public transparency page: http://127.0.0.1:$(DEMO_PORT)/transparency"; \
	export MCOMMUNITY_DATA_DIR=$(DEMO_DATA)/app MCOMMUNITY_DEMO=1 MCOMMUNITY_SERVER_URL=http://127.0.0.1:$(DEMO_PORT); \
	if [ -z "$${DBUS_SESSION_BUS_ADDRESS:-}" ]; then \
	  echo "no desktop session (no OS keyring): the demo keeps its sync credential in memory"; \
	  export MCOMMUNITY_CREDENTIALS=memory; \
	fi; \
	if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "no display: starting the app under Xvfb on :77 (screenshots: xwd -root -display :77)"; \
	  xvfb-run -n 77 -s "-screen 0 1280x800x24" $(APP_BIN); \
	else \
	  $(APP_BIN); \
	fi

test: deps test-rust test-ui test-browser test-dashboard test-e2e

# PostgreSQL for the storage suite: a throwaway server, started and removed by the script.
test-rust:
	bash tests/with-postgres.sh cargo test --workspace --lib --bins --tests --examples
	cargo test --workspace --doc

test-ui: deps-npm
	npm --prefix ui run check
	npm --prefix ui test

test-browser: deps-npm
	bash tests/run-browser.sh

# The dashboard and the transparency page in Chromium: axe-core in four languages.
test-dashboard: deps-npm server
	MC_SERVER_BIN=$(SERVER_BIN) bash tests/run-dashboard.sh

test-e2e: app server deps-driver
	bash tests/run-e2e.sh $(APP_BIN) $(SERVER_BIN)

# Regenerates the UI's TypeScript bindings from the Rust commands.
bindings:
	MCOMMUNITY_WRITE_BINDINGS=1 cargo test -p mcommunity-app --test app -- the_ui_bindings_are_generated

release: deps ui
	cargo build -p mcommunity-app --features custom-protocol --release

# Benchmarks, not tests: they measure and print (app size, start, memory; sync against
# automerge-repo on loopback and on an emulated 2G link; the dashboard's page weight and render time
# with 10,000 requests; what a shrunk photo and a minute's voice note weigh). MC_BENCH_QUICK=1 for a
# short sync run.
bench: release
	bash tests/bench/app-start.sh $(RELEASE_BIN)
	bash tests/bench/sync.sh
	bash tests/bench/dashboard.sh
	cargo run -q --release -p mcommunity-client --example attachment_sizes

clean:
	rm -rf ui/dist ui/dist-mock

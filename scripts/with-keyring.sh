#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring, so keychain
# tests use a real Secret Service without touching the developer's keyring.
#   scripts/with-keyring.sh npx vitest run test/secrets
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

# Already inside a session started by this script: just run the command.
if [ "${LLM_DESK_KEYRING_SESSION:-}" = "1" ]; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool is not installed (apt-get install dbus gnome-keyring)" >&2
    exit 127
  fi
done

# dbus-daemon warns when it cannot raise its fd limit in a container; that is harmless noise.
exec dbus-run-session -- bash -c '
  set -euo pipefail
  keyring_home="$(mktemp -d)"
  # The daemon runs in the foreground so it can be stopped by its own pid: a daemonised one
  # outlives the private bus.
  echo -n llm-desk-test | XDG_DATA_HOME="$keyring_home" \
    gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  daemon=$!
  trap "kill $daemon 2>/dev/null; wait $daemon 2>/dev/null; rm -rf \"$keyring_home\"" EXIT
  for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      break
    fi
    sleep 0.05
  done
  LLM_DESK_KEYRING_SESSION=1 "$@"
' with-keyring "$@" 2> >(grep -vE "Failed to set fd limit|Activating service name|Successfully activated service" >&2)

#!/usr/bin/env bash
# Validates the flatpak manifest: strict JSON, flatpak-builder parses it,
# and its app id and command match the project's.
set -euo pipefail
manifest=$1
app_id=$2
command=$3
python3 -m json.tool "$manifest" >/dev/null
python3 - "$manifest" "$app_id" "$command" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["id"] == sys.argv[2], f"app id {m['id']} != {sys.argv[2]}"
assert m["command"] == sys.argv[3], f"command {m['command']} != {sys.argv[3]}"
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk"
mods = [mod for mod in m["modules"] if isinstance(mod, dict)]
assert mods[-1]["buildsystem"] == "meson"
assert not any(isinstance(mod, dict) and "sqlite" in mod.get("name", "").lower() for mod in mods), "SQLite comes from the runtime"
PY
if command -v flatpak-builder >/dev/null 2>&1; then
  G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" >/dev/null
fi
echo "ok: $manifest"

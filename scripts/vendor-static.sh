#!/usr/bin/env bash
# Vendor third-party front-end files from the npm registry into the Django
# static folder (src/openwmo/static/vendor/). The results are committed so the
# app works offline; no CDN is used at run time.
#
# Usage:  scripts/vendor-static.sh        (from anywhere inside the repository)
# Needs:  npm, node, tar
#
# To upgrade a package: change its version AND its integrity below
# (`npm view NAME@VERSION dist.integrity`), re-run, review the diff, and update
# src/openwmo/static/vendor/README.md.
set -euo pipefail

# --- Pinned versions (exact) -------------------------------------------------
UTRECHT_CSS_VERSION="9.0.4"     # @utrecht/component-library-css (EUPL-1.2)
VOORBEELD_TOKENS_VERSION="7.4.1" # @nl-design-system-unstable/voorbeeld-design-tokens (EUPL-1.2)
CHARTJS_VERSION="4.6.1"         # chart.js (MIT)
AXE_CORE_VERSION="4.14.1"       # axe-core (MPL-2.0)

# --- Pinned tarball integrity (npm `dist.integrity`, sha512) ------------------
UTRECHT_CSS_INTEGRITY="sha512-gVA7D6GfP9/+fzehkYLSBR+0UPUTA97PZmgvTYQE88lPQhHGMlUk8FjmCpLKRsRC9hAYd32JuF/KzG6fmBfjJA=="
VOORBEELD_TOKENS_INTEGRITY="sha512-GNnapAn2mTIzXRcCvs0JMr4Bf9+ivUJ3zFBJLRT1SYpAYm2xPwptVxIM3k4WLJ0c59E9FfxsEBPJluGuAHUVvg=="
CHARTJS_INTEGRITY="sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g=="
AXE_CORE_INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

# -----------------------------------------------------------------------------
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR_DIR="$REPO_ROOT/src/openwmo/static/vendor"

TMP_DIR="$(mktemp -d)"
trap 'rm -rf "$TMP_DIR"' EXIT

# vendor PACKAGE VERSION INTEGRITY TARGET_DIR FILE...
#   FILE is a path inside the tarball's package/ folder; it is copied flat
#   (basename only) into $VENDOR_DIR/TARGET_DIR/.
vendor() {
  local pkg="$1" version="$2" integrity="$3" target="$4"
  shift 4

  echo ">> $pkg@$version -> vendor/$target/"
  local work="$TMP_DIR/$target"
  mkdir -p "$work"

  local tarball
  tarball="$(cd "$work" && npm pack --silent "$pkg@$version" | tail -n 1)"

  local actual
  actual="sha512-$(node -e '
    const fs = require("fs"), crypto = require("crypto");
    process.stdout.write(crypto.createHash("sha512")
      .update(fs.readFileSync(process.argv[1])).digest("base64"));
  ' "$work/$tarball")"
  if [[ "$actual" != "$integrity" ]]; then
    echo "ERROR: integrity mismatch for $pkg@$version" >&2
    echo "  expected: $integrity" >&2
    echo "  actual:   $actual" >&2
    exit 1
  fi

  tar -xzf "$work/$tarball" -C "$work"

  local dest="$VENDOR_DIR/$target"
  rm -rf "$dest"
  mkdir -p "$dest"
  local f
  for f in "$@"; do
    if [[ ! -f "$work/package/$f" ]]; then
      echo "ERROR: $pkg@$version has no file '$f'" >&2
      exit 1
    fi
    cp "$work/package/$f" "$dest/"
  done
}

vendor "@utrecht/component-library-css" "$UTRECHT_CSS_VERSION" "$UTRECHT_CSS_INTEGRITY" \
  utrecht-component-library-css \
  dist/index.css LICENSE.md

# Theme (design tokens). Not @utrecht/design-tokens: that package's LICENSE is
# proprietary to Gemeente Utrecht ("All rights reserved") and must not be
# redistributed with Open Wmo (EUPL-1.2). The NL Design System example theme
# is EUPL-1.2. dist/theme.css sets the custom properties on .voorbeeld-theme.
vendor "@nl-design-system-unstable/voorbeeld-design-tokens" "$VOORBEELD_TOKENS_VERSION" "$VOORBEELD_TOKENS_INTEGRITY" \
  voorbeeld-design-tokens \
  dist/theme.css LICENSE.md

# The .map is included because chart.umd.min.js ends with a sourceMappingURL
# comment; Django's ManifestStaticFilesStorage (and WhiteNoise's subclass)
# makes collectstatic fail if the referenced map file does not exist.
vendor "chart.js" "$CHARTJS_VERSION" "$CHARTJS_INTEGRITY" \
  chart.js \
  dist/chart.umd.min.js dist/chart.umd.min.js.map LICENSE.md

vendor "axe-core" "$AXE_CORE_VERSION" "$AXE_CORE_INTEGRITY" \
  axe-core \
  axe.min.js LICENSE LICENSE-3RD-PARTY.txt

# --- Self-containment check (report only, nothing is removed) ----------------
echo
echo ">> Remote references in vendored CSS (http(s) URLs, url(), @import, @font-face):"
grep -n -o -E '@import[^;]*|@font-face|url\([^)]{0,80}|https?://[^ "'"'"')]*' \
  "$VENDOR_DIR"/*/*.css || echo "   (none)"

echo
echo ">> Done. Vendored files:"
( cd "$VENDOR_DIR" && find . -type f ! -name README.md | sort | xargs ls -l )

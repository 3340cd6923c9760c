#!/usr/bin/env bash
# Builds the container images from docker/Dockerfile without a Docker engine: Debian's buildah, on a
# base made here (Debian bookworm by debootstrap, Node.js 24 from the npm registry), since no
# container registry is reachable from this kind of machine. Then runs each image's --help.
#   npm run images                 every service and the web application
#   npm run images -- intake web   some of them
# Images: localhost/qorgau/<service>:<package.json's version>. Push them with `buildah push`. Where a
# registry is reachable, `docker build -f docker/Dockerfile --build-arg SERVICE=<service> .` builds
# the same images from the official node image (pin it by digest: docs/operations.md).
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}"
ROOTFS="$CACHE/images/rootfs-bookworm"
mkdir -p "$CACHE/images"
VERSION="$(node -p 'require("./package.json").version' 2>/dev/null || echo dev)"
ALL=(intake legal psychology social outreach statistics projection identity web)

[ "$(id -u)" = 0 ] || die "building images here needs root (buildah with chroot isolation); elsewhere use docker build"
ensure_node
NODE_BASE="localhost/qorgau-node:$(node -p process.versions.node)"
command -v buildah >/dev/null || apt_install buildah
command -v debootstrap >/dev/null || apt_install debootstrap

# The base: what node:<version>-bookworm-slim gives, made from Debian's packages and the npm registry.
if ! buildah inspect --type image "$NODE_BASE" >/dev/null 2>&1; then
  node_bin="$(command -v node)"
  npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
  if [ ! -x "$ROOTFS/bin/sh" ]; then
    log "making a Debian bookworm base with debootstrap (first run only)"
    rm -rf "$ROOTFS" && mkdir -p "$(dirname "$ROOTFS")"
    debootstrap --variant=minbase bookworm "$ROOTFS" http://deb.debian.org/debian > "$CACHE/images/debootstrap.log" 2>&1 ||
      { tail -n 20 "$CACHE/images/debootstrap.log" >&2; die "debootstrap failed (is deb.debian.org reachable?)"; }
    rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
  fi
  mkdir -p "$ROOTFS/usr/local/bin" "$ROOTFS/usr/local/lib/node_modules"
  cp "$node_bin" "$ROOTFS/usr/local/bin/node"
  rm -rf "$ROOTFS/usr/local/lib/node_modules/npm" && cp -a "$npm_dir" "$ROOTFS/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
  chroot "$ROOTFS" /bin/sh -c 'getent passwd 1000 >/dev/null || (groupadd -g 1000 node && useradd -u 1000 -g 1000 -m -s /bin/sh node)'
  log "committing $NODE_BASE"
  ctr="$(buildah from scratch)"
  buildah copy "$ctr" "$ROOTFS" / > /dev/null
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd node "$ctr"
  buildah commit -q "$ctr" "$NODE_BASE" > /dev/null
  buildah rm "$ctr" > /dev/null
fi

# Where this machine reaches the registries through a TLS-inspecting proxy, the build's npm trusts
# its CA bundle, mounted into the build steps only (the images never contain it).
# Node.js does not read the system's store by itself, hence NODE_EXTRA_CA_CERTS or Debian's bundle.
trust=()
bundle="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
if [ -f "$bundle" ]; then
  trust=(--volume "$(dirname "$bundle"):/run/build-ca:ro" --build-arg "NODE_EXTRA_CA_CERTS=/run/build-ca/$(basename "$bundle")")
fi

services=("$@")
[ ${#services[@]} -gt 0 ] || services=("${ALL[@]}")
for service in "${services[@]}"; do
  [[ " ${ALL[*]} " == *" $service "* ]] || die "unknown image $service; images are ${ALL[*]}"
  log "building localhost/qorgau/$service:$VERSION"
  # --layers: the build stage is the same for every service, so it is built once.
  buildah bud --isolation chroot --layers --quiet "${trust[@]}" --build-arg "NODE_IMAGE=$NODE_BASE" --build-arg "SERVICE=$service" \
    -f docker/Dockerfile -t "localhost/qorgau/$service:$VERSION" . > "$CACHE/images/build-$service.log" 2>&1 ||
    { tail -n 30 "$CACHE/images/build-$service.log" >&2; die "building $service failed (log: .cache/images/build-$service.log)"; }
done

# Each image must start its program as the image's entry point does, as uid 1000, list its variables,
# and hold nothing local.
for service in "${services[@]}"; do
  ctr="$(buildah from "localhost/qorgau/$service:$VERSION")"
  config="$(buildah inspect "$ctr" | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { const c = JSON.parse(s).OCIv1.config; console.log(c.User); console.log(c.Entrypoint[2]); })')"
  user="$(head -n 1 <<< "$config")"
  entrypoint="$(tail -n +2 <<< "$config")"
  [ "$user" = 1000:1000 ] || die "$service: runs as '$user', not 1000:1000"
  help="$(buildah run --isolation chroot --user 1000:1000 "$ctr" -- /bin/sh -c "$entrypoint" qorgau --help 2>&1)" ||
    { buildah rm "$ctr" > /dev/null; echo "$help" >&2; die "$service: --help failed in the image"; }
  # The build context's .dockerignore kept the local keys and the host's packages out.
  leaked="$(buildah run --isolation chroot "$ctr" -- /bin/sh -c 'ls -d /app/.cache /app/.git /app/.env 2>/dev/null' || true)"
  buildah rm "$ctr" > /dev/null
  [ -z "$leaked" ] || die "$service: the image holds $leaked"
  grep -q '^Environment:' <<< "$help" || { echo "$help" >&2; die "$service: --help printed no variables"; }
  log "localhost/qorgau/$service:$VERSION: --help lists $(grep -c '^  [A-Z][A-Z0-9_]*' <<< "$help") variables, runs as 1000:1000"
done

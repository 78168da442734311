# syntax=docker/dockerfile:1
# Confer API image: built with the official Swift toolchain, run on plain Ubuntu.
#   docker build -t confer .        (or: docker compose up --build)
# Package.swift needs swift-tools-version 6.2, hence the 6.2 toolchain at least.
ARG SWIFT_VERSION=6.2

FROM swift:${SWIFT_VERSION}-jammy AS build
WORKDIR /build
# Dependencies first: this layer is reused as long as Package.swift does not change.
COPY Package.* ./
RUN swift package resolve
COPY . .
# Static stdlib: the runtime image needs no Swift libraries. Bundle.module looks for the
# *.resources bundles (migrations, bundled demo data) next to the binary: copy them along.
RUN swift build -c release --product confer-server --static-swift-stdlib \
 && mkdir /staging \
 && bin_path="$(swift build -c release --show-bin-path)" \
 && cp "$bin_path/confer-server" /staging/ \
 && cp -R "$bin_path"/*.resources /staging/

FROM ubuntu:jammy
# CA certificates for outbound TLS; tzdata because conferences have time zones.
# Unpinned on purpose: jammy's security updates should land on rebuild.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /app --shell /usr/sbin/nologin confer
WORKDIR /app
COPY --from=build /staging/ /app/
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
USER confer
# Migrate, make sure the admin exists when credentials are given, then exec so the
# server is PID 1 and gets the container's SIGTERM directly.
ENTRYPOINT ["/bin/sh", "-c", "./confer-server migrate && { [ -z \"${CONFER_ADMIN_EMAIL:-}\" ] || ./confer-server create-admin; } && exec ./confer-server serve"]

# pagelint's container images. Two targets:
#   docker build --target static -t pagelint .          # the static binary alone (default)
#   docker build --target chromium -t pagelint:chromium .  # with Chromium, for --render
# Both run as an unprivileged user, with pagelint as the entrypoint and
# /work as the working directory: docker run --rm -v "$PWD:/work" pagelint check --offline public/
ARG GO_VERSION=1.26

FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# VERSION is the release's version (goreleaser and CI pass the tag); empty,
# the binary reports the version of its module's build info.
ARG VERSION=""
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.linkerVersion=${VERSION}" -o /out/pagelint ./cmd/pagelint \
 && /out/pagelint version

# Chromium for --render, on the Debian the Go image is built on.
FROM debian:trixie-slim AS chromium
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium ca-certificates fonts-liberation \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 pagelint
COPY --from=build /out/pagelint /usr/local/bin/pagelint
ENV PAGELINT_CHROME=/usr/bin/chromium
USER pagelint
WORKDIR /work
ENTRYPOINT ["pagelint"]
CMD ["--help"]

# The static binary and CA certificates (for external links), nothing else.
FROM scratch AS static
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/pagelint /usr/local/bin/pagelint
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/pagelint"]
CMD ["--help"]

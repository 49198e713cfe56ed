# syntax=docker/dockerfile:1.7
# Croupier reporting - Reporting jobs and ETL worker.
# Build from the repository root (the build context is the whole monorepo, narrowed by
# infra/docker/reporting.Dockerfile.dockerignore):
#   docker build -f infra/docker/reporting.Dockerfile -t registry.croupier.example/croupier/reporting:<git-sha> .
#
# Contract: the image runs `node services/reporting/src/main.node.ts` (Node 24 strips the types; there
# is no build step). Kubernetes passes other entry points as arguments, e.g. the migration Job
# runs `services/reporting/src/migrate.ts`. Runs as UID 65532 on a read-only root filesystem;
# it writes nothing but /tmp (an emptyDir in Kubernetes).

# Both bases are pinned by digest; the release pipeline's update job moves tag and digest together.
ARG BUILD_IMAGE=docker.io/library/node:24-trixie-slim@sha256:c319bb4fac67c01ced508b67193a0397e02d37555d8f9b72958649efd302b7f8
ARG RUNTIME_IMAGE=gcr.io/distroless/nodejs24-debian13:nonroot@sha256:bb6b03d81066993293a10feda7250e8e1cc034035fe9b61cfceededa7c8bf04d

FROM ${BUILD_IMAGE} AS build
WORKDIR /app
ENV NODE_ENV=production \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false
# The lock file decides every version: `npm ci` fails instead of resolving anew. Only this
# service's workspace and the shared workspaces it links to are installed, without dev
# dependencies and without install scripts.
COPY package.json package-lock.json ./
COPY shared/ shared/
COPY services/reporting/package.json services/reporting/
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts --workspace services/reporting --include-workspace-root=false
COPY services/reporting/ services/reporting/

FROM ${RUNTIME_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="croupier-reporting" \
      org.opencontainers.image.description="Croupier Reporting jobs and ETL worker" \
      org.opencontainers.image.source="https://github.com/croupier/croupier" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
WORKDIR /app
ENV NODE_ENV=production \
    PORT=8088
# Files stay owned by root: the service user can read them, never change them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/shared ./shared
COPY --from=build /app/services/reporting ./services/reporting
USER 65532:65532
EXPOSE 8088
ENTRYPOINT ["/nodejs/bin/node"]
CMD ["services/reporting/src/main.node.ts"]

# syntax=docker/dockerfile:1
# One image for all seven services; each compose service picks its entry point:
#   command: ["node", "dist/bundle/boot.js", "--tracing", "<service>"] (as scripts/stack.sh)
# Both stages start from NODE_IMAGE, the official image unless a build passes another:
# where no registry is reachable, scripts/container-base.sh makes a local one and prints
# its name for --build-arg NODE_IMAGE=<name>.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: install everything, compile with swc, bundle each service, drop dev dependencies
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install, not npm ci: the lock omits other platforms' optional packages (see scripts/stack.sh)
RUN npm install --no-audit --no-fund
# What `npm run build` reads: swc's config, then rolldown's (which bundles swc's dist/).
COPY tsconfig.json .swcrc bundle.config.mjs ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build && npm prune --omit=dev

# ---- runtime: production dependencies + compiled output, non-root
FROM ${NODE_IMAGE} AS runtime
# Two malloc arenas and a fixed mmap threshold, as scripts/stack.sh runs the services
# (bench/RESULTS.md, footprint).
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# Owned by the node user (uid 1000 in the official image and in container-base.sh's):
# a service writes its V8 code cache beside its bundle (libs/chassis/src/boot/run-bundle.ts).
COPY --from=build --chown=1000:1000 /app/package.json ./package.json
COPY --from=build --chown=1000:1000 /app/node_modules ./node_modules
COPY --from=build --chown=1000:1000 /app/dist ./dist
# Numeric, so a runtime that must refuse root (Kubernetes' runAsNonRoot) can tell it is not.
USER 1000:1000
EXPOSE 3000
CMD ["node", "dist/bundle/boot.js", "gateway"]

# syntax=docker/dockerfile:1
# One image for all seven services; each compose service picks its entry point:
#   command: ["node", "dist/bundle/boot.js", "--tracing", "<service>"] (as scripts/stack.sh)

# ---- build: install everything, compile with swc, bundle each service, drop dev dependencies
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install, not npm ci: the lock omits other platforms' optional packages (see scripts/stack.sh)
RUN npm install --no-audit --no-fund
COPY tsconfig.json .swcrc nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build && npm prune --omit=dev

# ---- runtime: production dependencies + compiled output, non-root
FROM node:20.19-bookworm-slim AS runtime
# Two malloc arenas and a fixed mmap threshold, as scripts/stack.sh runs the services
# (bench/RESULTS.md, footprint).
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/bundle/boot.js", "gateway"]

# syntax=docker/dockerfile:1
# whosejob: build once with the toolchain, run on a slim image as the unprivileged "node" user.

# Node.js 24, the current LTS (the suite also runs on it in CI, see .ci/run).
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source on install.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY data ./data
COPY intents ./intents
COPY bin ./bin
# npm ci installs, builds the native module and runs "prepare" (TypeScript + dist/knowledge.json);
# then the dev dependencies go.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node bin ./bin
COPY --chown=node:node data ./data
COPY --chown=node:node intents ./intents
COPY --chown=node:node slack ./slack
COPY --chown=node:node teams ./teams
RUN mkdir -p /app/var && chown node:node /app/var
USER node
# One HTTP port for every chat adapter (PORT). State lives in SQLite in /app/var (DATABASE_PATH) for a
# single container, or in PostgreSQL when DATABASE_URL is set (replicas: see docker-compose.yml).
ENV DATABASE_PATH=/app/var/whosejob.db
EXPOSE 3000
VOLUME ["/app/var"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# With Slack or Teams credentials this is the HTTP server; without, the console chat (docker run -it).
# node itself is the process, not npm, so SIGTERM reaches it: requests in flight finish, the store closes.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]

# syntax=docker/dockerfile:1
# whosejob: build once with the dev tools, run on a slim image as the unprivileged "node" user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Toolchain for native modules that compile on install (better-sqlite3 in later releases).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY data ./data
COPY intents ./intents
# Compiles TypeScript and the knowledge base (dist/knowledge.json), then drops dev dependencies.
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node bin ./bin
COPY --chown=node:node data ./data
COPY --chown=node:node intents ./intents
RUN mkdir -p /app/var && chown node:node /app/var
USER node
# The one HTTP port for the chat adapters (PORT); SQLite state lives in /app/var (DATABASE_PATH).
EXPOSE 3000
VOLUME ["/app/var"]
# Without chat credentials this is the console chat: run with `docker run -it`.
CMD ["npm", "start"]

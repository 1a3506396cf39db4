# The API and web app in one image. It needs a Neo4j 5 server (NEO4J_URI); it never starts its
# own, so the image needs no Java. Not built or run here: this machine has no Docker engine.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=4000 CHAINSCOPE_SEED=auto
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
CMD ["npx", "tsx", "api/src/main.ts"]

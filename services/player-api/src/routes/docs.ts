// Interactive API documentation at /docs: swagger-ui served from the installed package (no CDN).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "../deps.ts";

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Croupier player-api</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#docs", deepLinking: true });`;

export function docsRoutes(app: OpenAPIHono<PlayerApiEnv>, deps: PlayerApiDeps) {
  const security = {
    // The page runs only its own scripts; nothing is fetched from elsewhere.
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    "x-content-type-options": "nosniff",
  };
  app.get("/docs", (c) => c.html(page, 200, security));
  app.get("/docs/init.js", (c) =>
    c.body(init, 200, { "content-type": "text/javascript; charset=utf-8", ...security }),
  );
  app.get("/docs/swagger-ui-bundle.js", (c) =>
    deps.docsAssets
      ? c.body(deps.docsAssets.script, 200, {
          "content-type": "text/javascript; charset=utf-8",
          "cache-control": "public, max-age=86400",
        })
      : c.notFound(),
  );
  app.get("/docs/swagger-ui.css", (c) =>
    deps.docsAssets
      ? c.body(deps.docsAssets.css, 200, {
          "content-type": "text/css; charset=utf-8",
          "cache-control": "public, max-age=86400",
        })
      : c.notFound(),
  );
}

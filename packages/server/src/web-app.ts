import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Flowdesk</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}code{background:#f2f2f2;padding:.1rem .3rem}</style>
</head>
<body>
<h1>Flowdesk is running</h1>
<p>The web app is not built yet, so there is nothing to show here. The API answers under <a href="/api/openapi.json">/api</a>.</p>
<p>Build the web app, then reload this page:</p>
<pre><code>npx pnpm@10 --filter @flowdesk/web build</code></pre>
</body>
</html>
`;

/**
 * Serves the built web app (packages/web/dist) with a single-page-app fallback, or a
 * short page saying how to build it. Never answers under /api.
 */
export const webAppRouter = (webRoot: string | undefined): Router => {
  const router = express.Router();
  const index = webRoot === undefined ? undefined : join(webRoot, "index.html");
  if (webRoot !== undefined && index !== undefined && existsSync(index)) {
    router.use(express.static(webRoot, { index: false, fallthrough: true, maxAge: "1h" }));
    router.get(/^(?!\/api(\/|$)).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(index);
    });
    return router;
  }
  router.get(/^(?!\/api(\/|$)).*/, (_req, res) => {
    res
      .status(200)
      .setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
      .type("html")
      .send(NOT_BUILT_PAGE);
  });
  return router;
};

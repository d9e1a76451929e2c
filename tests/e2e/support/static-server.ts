import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const DIST =
  process.env.FLOWDESK_WEB_DIR ?? fileURLToPath(new URL("../../../packages/web/dist", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

export interface StaticSite {
  url: string;
  close: () => Promise<void>;
}

/** Serves the built web app on 127.0.0.1 at a random port; unknown paths get index.html. */
export const serveBuiltApp = async (): Promise<StaticSite> => {
  const server: Server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(DIST, path === "/" ? "index.html" : path);
    try {
      const body = await readFile(file.startsWith(DIST) ? file : join(DIST, "index.html"));
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(200, { "Content-Type": TYPES[".html"] });
      response.end(await readFile(join(DIST, "index.html")));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

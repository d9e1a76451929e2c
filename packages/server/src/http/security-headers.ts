import type { RequestHandler } from "express";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The web app's Content-Security-Policy: only scripts, styles, images, fonts, workers
 * and connections from this server; nothing may frame it, post forms elsewhere or
 * change the base URL. No inline script or style is allowed: Vite emits none, and
 * React sets `style` props through the DOM, which CSP does not restrict.
 */
export const WEB_APP_CSP_DIRECTIVES = {
  "default-src": ["'self'"],
  // 'unsafe-eval' is the one exception, and it is unavoidable today: the browser
  // validates a catalog or task form as the requester types with the same ajv rules
  // the server applies to that form version (one validator, no second opinion), and
  // ajv turns every schema into a function with `new Function`. Forms are designed at
  // run time, so their validators cannot be compiled ahead of time into the bundle;
  // the designer's validation worker compiles node and form schemas the same way.
  // It does not admit injected markup: inline and foreign scripts stay blocked, so
  // only code this server sent can reach it. The way out is for the server to compile
  // each published form version once (ajv standalone) and serve it as a module from
  // 'self'; until then, this directive must stay.
  "script-src": ["'self'", "'unsafe-eval'"],
  "style-src": ["'self'"],
  // data: images cannot run script, and libraries inline small icons that way; the
  // app itself ships none today, so this costs nothing and spares a silent break.
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  // The API and socket.io (its WebSocket too: 'self' covers ws:/wss: on the same host).
  "connect-src": ["'self'"],
  // The designer's validation worker is a file Vite emits next to the bundle, not a blob.
  "worker-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
};

/** JSON (and problem+json) answers are never a document to render: nothing may load from them. */
export const API_CSP_DIRECTIVES = {
  "default-src": ["'none'"],
  "frame-ancestors": ["'none'"],
};

const headersWith = (directives: Record<string, string[]>): RequestHandler =>
  helmet({
    // useDefaults: false leaves out helmet's upgrade-insecure-requests, which would
    // break a server reached over plain HTTP on a LAN address.
    contentSecurityPolicy: { useDefaults: false, directives },
    // Set below, and only on HTTPS requests (see hstsOverHttps).
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
  } satisfies HelmetOptions);

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * Strict-Transport-Security only on requests that arrived over HTTPS (directly, or via
 * a proxy trusted with FLOWDESK_TRUST_PROXY): on plain HTTP it means nothing to a
 * browser, and a server tried out on http://localhost should not pin HTTPS on that name.
 */
const hstsOverHttps: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader("Strict-Transport-Security", `max-age=${ONE_YEAR_S}; includeSubDomains`);
  next();
};

const webAppHeaders = headersWith(WEB_APP_CSP_DIRECTIVES);
const apiHeaders = headersWith(API_CSP_DIRECTIVES);

const isApiPath = (path: string): boolean => path === "/api" || path.startsWith("/api/");

/** Security headers on every answer: the API's CSP under /api, the web app's elsewhere. */
export const securityHeaders: RequestHandler = (req, res, next) => {
  hstsOverHttps(req, res, () => (isApiPath(req.path) ? apiHeaders : webAppHeaders)(req, res, next));
};

/** Which builds `pnpm start` must hand to scripts/build.ts: those whose recorded fingerprint no longer matches. */
import { dirname, join } from "node:path";
import { fingerprintMatches } from "./stat-fingerprint.mjs";

/** The outputs of build-targets.ts by target name, relative to the repository root. */
export const BUILD_OUTPUTS = {
  server: join("packages", "server", "dist", "main.js"),
  web: join("packages", "web", "dist", "index.html"),
};

/** Target names whose inputs or output were touched since the fingerprint beside the output was written. */
export const staleTargets = (root) =>
  Object.entries(BUILD_OUTPUTS)
    .filter(([, output]) => !fingerprintMatches(root, join(root, dirname(output), ".build-fingerprint.json")))
    .map(([name]) => name);

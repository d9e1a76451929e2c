import { spawn } from "node:child_process";
import { join } from "node:path";

/**
 * `vite build` of packages/web, run with the Vite installed for that package (pnpm
 * links it there, not at the root). Output goes to packages/web/dist.
 */
export const buildWebApp = (webPackage: string): Promise<void> =>
  new Promise((resolveBuild, reject) => {
    const vite = join(webPackage, "node_modules", "vite", "bin", "vite.js");
    const child = spawn(process.execPath, [vite, "build", "--logLevel", "warn"], {
      cwd: webPackage,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolveBuild() : reject(new Error(`vite build exited with ${code ?? "a signal"}`)),
    );
  });

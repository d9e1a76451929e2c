import { dirname, relative, sep } from "node:path";
import { build, type Plugin } from "esbuild";

/** Import specifiers of the workspace's own packages: these are bundled, everything else is not. */
const WORKSPACE_SCOPE = "@flowdesk/";

const SKIP = Symbol("resolving");

/**
 * npm dependencies stay outside the bundle (native drivers such as better-sqlite3 must,
 * and knex loads its dialects by name), but pnpm installs them per package: knex is
 * reachable from packages/store, not from packages/server/dist. So each one is resolved
 * from the file that imports it, exactly as Node would, and the bundle imports that
 * file by a path relative to itself; the checkout can still move as a whole.
 */
const dependenciesByPath = (outdir: string): Plugin => ({
  name: "dependencies-by-path",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === SKIP || args.path.startsWith(WORKSPACE_SCOPE)) return undefined;
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const found = await context.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: SKIP,
      });
      if (found.errors.length > 0 || found.external) return undefined;
      const path = relative(outdir, found.path).split(sep).join("/");
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
});

/**
 * Bundles the server entry and the workspace packages it imports (TypeScript source)
 * into one ES module for Node 20, with a source map so stack traces name the .ts files.
 */
export const bundleServer = async (entry: string, outfile: string): Promise<void> => {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    // Node's own resolution: no "module" condition or field that Node itself would not read.
    conditions: [],
    mainFields: ["main"],
    logLevel: "warning",
    plugins: [dependenciesByPath(dirname(outfile))],
  });
};

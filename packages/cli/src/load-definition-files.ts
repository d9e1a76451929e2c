import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";

export interface DefinitionFile {
  /** Path as the user should see it: relative to the working directory. */
  file: string;
  document: unknown;
}

/** Input the CLI cannot work with at all (exit code 2): a missing path, a file that is not JSON. */
export class UnusableInputError extends Error {
  override readonly name = "UnusableInputError";
}

const collectJsonFiles = async (path: string, shown: string): Promise<string[]> => {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new UnusableInputError(`${shown}: no such file or directory`);
  }
  if (info.isFile()) return [path];
  if (!info.isDirectory()) throw new UnusableInputError(`${shown}: not a file or directory`);
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.name !== "node_modules" && !entry.name.startsWith("."))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => {
        const child = join(path, entry.name);
        if (entry.isDirectory()) return collectJsonFiles(child, child);
        return Promise.resolve(entry.name.endsWith(".json") ? [child] : []);
      }),
  );
  return nested.flat();
};

const parseJson = (path: string, text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    throw new UnusableInputError(`${path}: not valid JSON (${reason})`);
  }
};

/**
 * Expands files and directories (recursively, *.json only) into parsed documents, in a
 * stable order. A path named twice is read once.
 */
export const loadDefinitionFiles = async (
  paths: readonly string[],
  cwd: string,
): Promise<DefinitionFile[]> => {
  const seen = new Set<string>();
  const files: DefinitionFile[] = [];
  for (const path of paths) {
    for (const found of await collectJsonFiles(resolve(cwd, path), path)) {
      const shown = relative(cwd, found) || found;
      if (seen.has(shown)) continue;
      seen.add(shown);
      let text: string;
      try {
        text = await readFile(found, "utf8");
      } catch (error) {
        throw new UnusableInputError(
          `${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
        );
      }
      files.push({ file: shown, document: parseJson(shown, text) });
    }
  }
  return files;
};

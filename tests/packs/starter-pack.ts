import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DefinitionFile, FormDefinition, SlaPolicy, WorkflowDefinition } from "@flowdesk/core";

/** The repository root, where workflows/ and forms/ hold the ITIL starter pack. */
export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

const readFolder = (folder: string): DefinitionFile[] =>
  readdirSync(repositoryRoot + folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      file: `${folder}/${name}`,
      document: JSON.parse(readFileSync(`${repositoryRoot}${folder}/${name}`, "utf8")) as unknown,
    }));

/** Every file of the starter pack, as the validator and the pack builder read them. */
export const starterPackFiles = (): DefinitionFile[] => [...readFolder("workflows"), ...readFolder("forms")];

export interface StarterPack {
  workflows: Map<string, WorkflowDefinition>;
  forms: Map<string, FormDefinition>;
  slaPolicies: Map<string, SlaPolicy>;
}

export const loadStarterPack = (): StarterPack => {
  const pack: StarterPack = { workflows: new Map(), forms: new Map(), slaPolicies: new Map() };
  for (const { document } of starterPackFiles()) {
    const definition = document as { kind: string; id: string };
    if (definition.kind === "workflow") pack.workflows.set(definition.id, document as WorkflowDefinition);
    if (definition.kind === "form") pack.forms.set(definition.id, document as FormDefinition);
    if (definition.kind === "slaPolicy") pack.slaPolicies.set(definition.id, document as SlaPolicy);
  }
  return pack;
};

import type { JsonSchema, NodeTypeId, WorkflowNode } from "./definitions/index.ts";

/**
 * What the designer, the validator and the engine know about a node type. Descriptors
 * are data (browser-safe) and live in packages/nodes; core only defines their shape so
 * the validator can take the registry as an argument (core must not import nodes).
 */
export interface NodeDescriptor {
  type: NodeTypeId;
  label: string;
  description: string;
  paletteGroup: "events" | "work" | "gateways" | "automation" | "flow";
  /**
   * The symbol the palette and canvas draw: SVG path data on a 24x24 view box, inline so
   * nothing loads at run time.
   */
  icon: string;
  /**
   * The part the type plays in the shape of the graph, for the checks and the engine's
   * index that care: a workflow has exactly one start; only a decision's edges carry
   * conditions; a fork opens parallel branches that the nearest join closes. Ends are
   * the types without outputs (ports.outputs "none"). Most types play none.
   */
  flowRole?: "start" | "decision" | "fork" | "join";
  /** A person works here, as a task or as an approval (inbox, request timeline). */
  personWork?: "task" | "approval";
  /**
   * Config places naming variables the node writes (pointers as in expressionFields):
   * "value" when the string found is the name (set-data's assignments), "keys" when the
   * keys of the object found are (a service call's result mapping).
   */
  writesVariables?: { pointer: string; name: "value" | "keys" }[];
  /** Names only the expressions under a config property may read (`response` in a result mapping). */
  localRoots?: { under: string; names: string[] }[];
  /**
   * Calls another workflow: the config properties holding its id, the mapping of this
   * workflow's values into the child's variables, and of the child's variables back out.
   */
  callsWorkflow?: { workflowField: string; inputField: string; outputField: string };
  /** How many incoming / outgoing edges the type accepts. */
  ports: {
    inputs: "none" | "one" | "many";
    outputs: "none" | "one" | "many";
  };
  /**
   * Outcomes an outgoing edge may name:
   * - fixed: always offered (approval: approved, rejected);
   * - fromConfig: config property holding [{id, label}] whose ids are outcomes (user task);
   * - timers: the ids of config.timers are outcomes too.
   * A type with none of these leaves by unnamed edges.
   */
  outcomes: {
    fixed?: string[];
    fromConfig?: string;
    timers?: boolean;
    /** Outcomes that must have an edge (approval: "rejected"). */
    required?: string[];
    /** Outcome used by an edge that names none. */
    default?: string;
  };
  /** The token stops here until something happens (task, approval, message, timer). */
  waits: boolean;
  /** Config properties holding CEL expressions (pointer relative to config, e.g. "/date"). */
  expressionFields: string[];
  /** Config properties holding templates with {{ cel }} placeholders. */
  templateFields: string[];
  /** JSON Schema of node.config, used by the validator and the side panel. */
  propertySchema: JsonSchema;
  /** rjsf uiSchema for the side panel. */
  uiSchema: Record<string, unknown>;
  /** Config a freshly dropped node starts with. */
  defaults: Record<string, unknown>;
}

export type NodeRegistry = Readonly<Record<string, NodeDescriptor>>;

/** Every outcome an edge leaving `node` may name, per its descriptor and config. */
export const nodeOutcomes = (node: WorkflowNode, descriptor: NodeDescriptor): string[] => {
  const outcomes = new Set<string>(descriptor.outcomes.fixed ?? []);
  const config = node.config as Record<string, unknown>;
  if (descriptor.outcomes.fromConfig) {
    const list = config[descriptor.outcomes.fromConfig];
    if (Array.isArray(list)) {
      for (const item of list) {
        if (item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string") {
          outcomes.add((item as { id: string }).id);
        }
      }
    }
  }
  // The default outcome stands in for configured ones only while none are configured
  // (a user task with outcomes "resolved"/"escalated" no longer leaves by "done").
  const fixedCount = descriptor.outcomes.fixed?.length ?? 0;
  if (descriptor.outcomes.default && outcomes.size === fixedCount) outcomes.add(descriptor.outcomes.default);
  if (descriptor.outcomes.timers && Array.isArray(config.timers)) {
    for (const timer of config.timers) {
      if (timer && typeof timer === "object" && typeof (timer as { id?: unknown }).id === "string") {
        outcomes.add((timer as { id: string }).id);
      }
    }
  }
  return [...outcomes];
};

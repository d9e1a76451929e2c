import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import { nodePropsCatalog } from "../designer/node-props-keys.ts";
import type { Catalog } from "./catalog.ts";

/**
 * Side-panel texts of every node type in English. The descriptors are the English source
 * (the server and CLI read them too), so this catalog is derived from them rather than
 * written twice; node-props.zh-cn.ts must hold exactly the same keys.
 */
export const nodePropsEn: Catalog = nodePropsCatalog(nodeRegistry);

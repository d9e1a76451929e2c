/** Types of stale-targets.mjs. */
export declare const BUILD_OUTPUTS: { server: string; web: string };
export declare const staleTargets: (root: string) => ("server" | "web")[];

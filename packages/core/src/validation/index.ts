// Filled by the validator: structure, graph, expression and reference checks.
export {};

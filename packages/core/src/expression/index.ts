// Filled by the expression module: CEL behind one small API.
export {};

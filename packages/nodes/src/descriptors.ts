// The registry of node descriptors (browser-safe data), filled per node type folder.
export {};

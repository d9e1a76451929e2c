// Flowdesk web app. The app itself starts from src/main.tsx (see index.html); this entry
// exposes the framework-free models so tests and benchmarks can drive them.
export * from "./designer/model/index.ts";

/**
 * The events live clients receive over socket.io, by name: the server sends them and the
 * browser listens for them. Each payload carries the global history `seq` it brings the
 * client up to.
 */
export type LiveEventName =
  | "task.created"
  | "task.updated"
  | "instance.updated"
  | "request.status"
  | "sla.warning"
  | "sla.breached"
  | "definition.published";

/**
 * The CMDB the reference incident calls, as a local HTTP server on 127.0.0.1: it answers
 * every POST at once, so the service-call step costs a real socket round trip but no
 * remote latency. Counts the calls so the bench can check every instance reached it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CmdbStub {
  url: string;
  calls: () => number;
  close: () => Promise<void>;
}

export const startCmdbStub = async (): Promise<CmdbStub> => {
  let calls = 0;
  const server: Server = createServer((request, response) => {
    // The body must be read before answering, or keep-alive sockets stall.
    request.resume();
    request.on("end", () => {
      calls++;
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"status":"updated"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

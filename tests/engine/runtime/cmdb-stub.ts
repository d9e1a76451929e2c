import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type StubMode = "ok" | "error" | "slow";

export interface ReceivedCall {
  idempotencyKey: string | undefined;
  body: string;
}

/** A local CMDB stand-in on 127.0.0.1 and a random port, switchable between answers. */
export class CmdbStub {
  mode: StubMode = "ok";
  readonly calls: ReceivedCall[] = [];
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        this.calls.push({ idempotencyKey: header(request, "idempotency-key"), body });
        if (this.mode === "error") {
          response.writeHead(503, { "content-type": "application/json" }).end('{"error":"down"}');
        } else if (this.mode === "slow") {
          setTimeout(() => response.writeHead(200).end("{}"), 5000).unref();
        } else {
          response.writeHead(200, { "content-type": "application/json" }).end('{"owner":"network-team"}');
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const address = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

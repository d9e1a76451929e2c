import { type Static, Type } from "@sinclair/typebox";
import { Strict } from "./common.api.ts";

export const HealthView = Strict({ status: Type.Literal("ok") });
export type HealthView = Static<typeof HealthView>;

/** The OpenAPI 3.1 document's top level; what lies under paths and components is OpenAPI's own. */
export const OpenApiDocumentView = Strict({
  openapi: Type.Literal("3.1.0"),
  jsonSchemaDialect: Type.String(),
  info: Strict({ title: Type.String(), version: Type.String(), description: Type.String() }),
  servers: Type.Array(Strict({ url: Type.String() })),
  paths: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
  components: Strict({
    schemas: Type.Record(Type.String(), Type.Unknown()),
    securitySchemes: Type.Record(Type.String(), Type.Unknown()),
  }),
  security: Type.Array(Type.Record(Type.String(), Type.Array(Type.String()))),
});
export type OpenApiDocumentView = Static<typeof OpenApiDocumentView>;

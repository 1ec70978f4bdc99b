import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { HttpApp } from "./context";

/** OpenAPI generated from the same zod schemas that validate requests; the UI is served from the package, offline. */
export async function registerApiDocs(app: HttpApp): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: "匠心 Jiangxin API", description: "省总工会劳模工匠助企服务平台接口。除登录外均需会话 Cookie；修改类请求需携带 x-csrf-token 请求头。", version: "0.1.0" },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    // The UI's own routes are plugin-made; they are public by declaration here, not by omission.
    docs.addHook("onRoute", (route) => {
      route.config = { ...route.config, permission: "public" };
    });
    await docs.register(swaggerUi, { routePrefix: "/docs" });
  });
}

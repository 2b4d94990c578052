import { declaredRoutesOf, type JsonObject, type Route } from '@blog/chassis';
import { authService } from '../../apps/auth/src/main';
import { blogService } from '../../apps/blog/src/main';
import {
  buildOpenApiDocument,
  type ServiceRoutes,
} from '../../apps/gateway/src/docs/openapi-document';
import { gatewayService } from '../../apps/gateway/src/main';
import { postService } from '../../apps/post/src/main';
import { subscribeService } from '../../apps/subscribe/src/main';
import { userService } from '../../apps/user/src/main';
import { visitorService } from '../../apps/visitor/src/main';
import packageJson from '../../package.json';

/** Every app's routes, read from its module's handlers: what each one serves. */
export const DECLARED = {
  auth: declaredRoutesOf(authService.module),
  user: declaredRoutesOf(userService.module),
  blog: declaredRoutesOf(blogService.module),
  post: declaredRoutesOf(postService.module),
  visitor: declaredRoutesOf(visitorService.module),
  subscribe: declaredRoutesOf(subscribeService.module),
  gateway: declaredRoutesOf(gatewayService.module),
};

const { gateway, ...upstreams } = DECLARED;

/** The document the gateway serves, built from the same routes. */
export function generatedDocument(): JsonObject {
  const services: ServiceRoutes[] = Object.entries(upstreams).map(([service, declared]) => ({
    service: service as ServiceRoutes['service'],
    routes: declared.routes,
  }));
  const gatewayRoutes: Route[] = gateway.routes.filter((route) => !route.internal);
  return buildOpenApiDocument(services, gatewayRoutes, packageJson.version);
}

import type { DynamicModule, Type } from '@nestjs/common';
import { ROUTE_METADATA, type Route } from './route';

/** Nest's own metadata keys (@nestjs/common/constants): a module's lists, a handler's path. */
const CONTROLLERS = 'controllers';
const IMPORTS = 'imports';
const PATH = 'path';

export interface DeclaredRoutes {
  readonly routes: readonly Route[];
  /** `Controller.method` of every HTTP handler mapped without `@Endpoint`. */
  readonly undeclared: readonly string[];
}

const isDynamic = (value: unknown): value is DynamicModule =>
  typeof value === 'object' && value !== null && 'module' in value;

function controllersOf(module: unknown, seen: Set<unknown>): Type[] {
  if (seen.has(module) || module === undefined || module === null) return [];
  seen.add(module);
  const type = isDynamic(module) ? module.module : module;
  const own = (Reflect.getMetadata(CONTROLLERS, type as object) ?? []) as Type[];
  const imported = (Reflect.getMetadata(IMPORTS, type as object) ?? []) as unknown[];
  return [
    ...own,
    ...(isDynamic(module) ? ((module.controllers ?? []) as Type[]) : []),
    ...[...imported, ...(isDynamic(module) ? (module.imports ?? []) : [])].flatMap((inner) =>
      controllersOf(inner, seen),
    ),
  ];
}

/**
 * The routes a module's controllers (and its imports') declare, read from the handlers'
 * metadata without starting anything: what the service serves is what is documented.
 */
export function declaredRoutesOf(module: Type): DeclaredRoutes {
  const routes: Route[] = [];
  const undeclared: string[] = [];
  for (const controller of new Set(controllersOf(module, new Set()))) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const route = Reflect.getMetadata(ROUTE_METADATA, handler) as Route | undefined;
      if (route) routes.push(route);
      else if (Reflect.getMetadata(PATH, handler) !== undefined) {
        undeclared.push(`${controller.name}.${name}`);
      }
    }
  }
  return { routes, undeclared };
}

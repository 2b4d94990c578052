import { inboxDeclarationOf, isInboxConsumer } from '@blog/chassis';
import type { ConsumerGroupDeclaration } from '@blog/contracts';
import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { authService } from '../../../apps/auth/src/main';
import { blogService } from '../../../apps/blog/src/main';
import { gatewayService } from '../../../apps/gateway/src/main';
import { postService } from '../../../apps/post/src/main';
import { subscribeService } from '../../../apps/subscribe/src/main';
import { userService } from '../../../apps/user/src/main';
import { visitorService } from '../../../apps/visitor/src/main';

/** The seven services as their main.ts defines them (test code may import every app). */
export const SERVICES = [
  gatewayService,
  authService,
  userService,
  blogService,
  postService,
  visitorService,
  subscribeService,
] as const;

type Imported = Type<unknown> | DynamicModule | Promise<DynamicModule>;

/** Every controller a module and the modules it imports declare. */
function controllersOf(module: Type<unknown>, seen = new Set<unknown>()): Type<unknown>[] {
  if (seen.has(module)) return [];
  seen.add(module);
  const controllers: Type<unknown>[] =
    Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? [];
  const imports: Imported[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) ?? [];
  const imported = imports.flatMap((entry) => {
    if (entry instanceof Promise) return [];
    if ('module' in entry)
      return [...(entry.controllers ?? []), ...controllersOf(entry.module, seen)];
    return controllersOf(entry, seen);
  });
  return [...controllers, ...imported];
}

/** A service's `@InboxConsumer` classes, read from its module without starting it. */
export function consumerClassesOf(service: (typeof SERVICES)[number]): Type<unknown>[] {
  return [...new Set(controllersOf(service.module))].filter(isInboxConsumer);
}

/** Every consumer group of every service, as the AsyncAPI document lists them. */
export function declaredConsumerGroups(): ConsumerGroupDeclaration[] {
  return SERVICES.flatMap((service) =>
    consumerClassesOf(service).map((consumer) => {
      const declaration = inboxDeclarationOf(consumer);
      return {
        service: service.service,
        group: declaration.name,
        messages: declaration.methods.flatMap(({ messages }) =>
          messages.map(({ type, topic, envelopeOnly }) => ({
            type,
            topic,
            envelopeOnly: envelopeOnly ?? false,
          })),
        ),
      };
    }),
  );
}

import { inboxDeclarationOf, isInboxConsumer, type ServiceDefinition } from '@blog/chassis';
import type { ConsumerGroupDeclaration } from '@blog/contracts';
import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { SERVICE_DEFINITIONS } from '../../support/service-definitions';

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
export function consumerClassesOf(service: ServiceDefinition): Type<unknown>[] {
  return [...new Set(controllersOf(service.module))].filter(isInboxConsumer);
}

/** Every consumer group of every service, as the AsyncAPI document lists them. */
export function declaredConsumerGroups(): ConsumerGroupDeclaration[] {
  return SERVICE_DEFINITIONS.flatMap((service) =>
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

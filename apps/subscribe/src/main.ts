import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { outboxMigrations } from '@blog/outbox';
import { SubscribeModule } from './subscribe.module';

export const subscribeService = {
  service: 'subscribe',
  module: SubscribeModule,
  migrations: [...outboxMigrations],
} as const;

if (require.main === module) void runService(subscribeService);

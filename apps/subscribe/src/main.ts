import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { subscribeMigrations } from './infrastructure/migrations/subscribe-migrations';
import { SubscribeModule } from './subscribe.module';

export const subscribeService = {
  service: 'subscribe',
  module: SubscribeModule,
  migrations: subscribeMigrations,
} as const;

if (require.main === module) void runService(subscribeService);

import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { outboxMigrations } from '@blog/outbox';
import { VisitorModule } from './visitor.module';

export const visitorService = {
  service: 'visitor',
  module: VisitorModule,
  migrations: [...outboxMigrations],
} as const;

if (require.main === module) void runService(visitorService);

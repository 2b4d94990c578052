import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { visitorMigrations } from './infrastructure/migrations/visitor-migrations';
import { VisitorModule } from './visitor.module';

export const visitorService = {
  service: 'visitor',
  module: VisitorModule,
  migrations: visitorMigrations,
} as const;

if (require.main === module) void runService(visitorService);

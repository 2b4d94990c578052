import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { postMigrations } from './infrastructure/post-migrations';
import { PostModule } from './post.module';

/**
 * A post's body may hold 100 000 characters: up to ~600 KB of JSON in the worst case
 * (escaped control characters), well above the chassis' 64 KiB default.
 */
export const POST_BODY_LIMIT_BYTES = 1_048_576;

export const postService = {
  service: 'post',
  module: PostModule,
  migrations: postMigrations,
  bodyLimitBytes: POST_BODY_LIMIT_BYTES,
} as const;

if (require.main === module) void runService(postService);

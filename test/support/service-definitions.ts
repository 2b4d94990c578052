import type { ServiceDefinition } from '@blog/chassis';
import { authService } from '../../apps/auth/src/main';
import { blogService } from '../../apps/blog/src/main';
import { gatewayService } from '../../apps/gateway/src/main';
import { postService } from '../../apps/post/src/main';
import { subscribeService } from '../../apps/subscribe/src/main';
import { userService } from '../../apps/user/src/main';
import { visitorService } from '../../apps/visitor/src/main';

/** The seven services as their main.ts defines them: specs may import every app, apps may not. */
export const SERVICE_DEFINITIONS: readonly ServiceDefinition[] = [
  gatewayService,
  authService,
  userService,
  blogService,
  postService,
  visitorService,
  subscribeService,
];

import { serviceRoutes } from '@blog/chassis';

/** Declares one of subscribe's HTTP routes (see libs/chassis/src/http/route.ts). */
export const route = serviceRoutes('SUBSCRIBE.INVALID_INPUT');

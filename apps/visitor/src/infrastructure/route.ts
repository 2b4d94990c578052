import { serviceRoutes } from '@blog/chassis';

/** Declares one of visitor's HTTP routes (see libs/chassis/src/http/route.ts). */
export const route = serviceRoutes('VISITOR.INVALID_INPUT');

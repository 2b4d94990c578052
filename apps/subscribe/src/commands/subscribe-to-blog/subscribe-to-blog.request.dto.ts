import { z } from 'zod';

/** `POST /subscriptions` */
export const SubscribeToBlogRequest = z.object({ blogId: z.uuid() });

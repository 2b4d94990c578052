import { z } from 'zod';

/** `POST /subscriptions` */
export const SubscribeToBlogRequest = z.strictObject({ blogId: z.uuid() });

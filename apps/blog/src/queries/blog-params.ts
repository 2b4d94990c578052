import { z } from 'zod';

/** The path of every route about one blog. */
export const blogIdParams = z.object({ blogId: z.uuid() });

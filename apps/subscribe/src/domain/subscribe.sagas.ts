import type { SagaType } from '@blog/contracts';

/** Saga types as the catalog in libs/contracts names them. */
export const DELETE_BLOG_SAGA = 'delete-blog' satisfies SagaType;

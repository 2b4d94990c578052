import type { SagaType } from '@blog/contracts';

/** Saga types as the catalog in libs/contracts names them. */
export const PUBLISH_POST_SAGA = 'publish-post' satisfies SagaType;
export const DELETE_BLOG_SAGA = 'delete-blog' satisfies SagaType;

import { upcaster } from '../../upcasting/upcaster';

type IncrementedV1 = { readonly amount: number };
type IncrementedV2 = { readonly by: number; readonly source: string };

/** v1 called the amount `amount` and did not record where an increment came from. */
export const counterUpcasters = [
  upcaster<IncrementedV1, IncrementedV2>('CounterIncremented', 1, (v1) => ({
    by: v1.amount,
    source: 'unknown',
  })),
];

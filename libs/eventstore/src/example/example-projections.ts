import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { counterTotalsProjection } from './counter-totals.projection';
import { counterUpcasters } from './domain/counter.upcasters';

/** What the library's own rebuild command knows: the example only. Apps pass their own. */
export const exampleProjections = [counterTotalsProjection];
export const exampleUpcasters = new UpcasterRegistry(counterUpcasters);

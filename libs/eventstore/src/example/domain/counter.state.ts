export type CounterState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'open' | 'closed';
      readonly name: string;
      readonly limit: number;
      readonly total: number;
    };

export const initialCounterState = (): CounterState => ({ status: 'empty' });

export type CounterCommand =
  | { readonly type: 'OpenCounter'; readonly name: string; readonly limit: number }
  | { readonly type: 'Increment'; readonly by: number; readonly source: string }
  | { readonly type: 'Decrement'; readonly by: number }
  | { readonly type: 'CloseCounter'; readonly reason: string };

/**
 * The types of a machine's context, events, input, output and emitted events, as `setup({ types })`
 * takes them. XState reads `types` only at compile time: the value is never looked at, so there
 * is no real value of these types to give. This helper holds the one cast that fills that gap,
 * so no machine casts its context or events itself.
 */
export function machineTypes<TTypes extends object>(): TTypes {
  // A library typing gap, not a claim about a value: `types` is a phantom, `{}` is never read.
  return {} as TTypes;
}

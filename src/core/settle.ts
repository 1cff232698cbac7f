// Promises started early and awaited later (git's questions asked while files are read): kept from rejecting
// unobserved in between, their failure handed to whoever awaits them.

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects: its failure is kept for whoever awaits it, so none goes unhandled meanwhile. */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** The value of a settled promise, or its failure thrown. */
export async function unwrap<T>(settled: Promise<Settled<T>>): Promise<T> {
  const result = await settled;
  if (!result.ok) throw result.error;
  return result.value;
}

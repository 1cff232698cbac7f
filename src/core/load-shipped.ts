// How the running build loads a CommonJS file it ships beside the bundle (dist/validators.cjs, the precompiled
// schema validators): through the bundle's loader when the CLI runs from the bundle, which hands V8 the code cache the
// build made for that file too (src/build/load-bundle.ts); with Node's require otherwise (tests, the library from
// dist/src). The loader is found through a global symbol, since the bundle's loader and its chunks are separate
// module graphs.
const LOADER = Symbol.for('soc2lint.load-shipped');

type Loader = (file: string) => unknown;

/** Load `file` (absolute) with the bundle's loader when there is one, else with `require`. */
export function loadShipped(file: string, require: (file: string) => unknown): unknown {
  const loader = (globalThis as Record<symbol, unknown>)[LOADER];
  return typeof loader === 'function' ? (loader as Loader)(file) : require(file);
}

/** Called by the bundle's loader, once, before it loads the CLI. */
export function registerShippedLoader(load: Loader): void {
  (globalThis as Record<symbol, unknown>)[LOADER] = load;
}

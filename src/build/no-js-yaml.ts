// Stands in for js-yaml in the bundled CLI. gray-matter requires js-yaml (and through it esprima) for its default
// engines, but soc2lint parses front matter with `yaml` only and refuses every other engine, so the bundle leaves
// both out. Should gray-matter ever reach for js-yaml, the run fails loudly instead of parsing with the wrong engine.
function refuse(): never {
  throw new Error('soc2lint parses front matter with the yaml package only; js-yaml is not bundled.');
}

export const load = refuse;
export const safeLoad = refuse;
export const dump = refuse;
export const safeDump = refuse;
export default { load, safeLoad, dump, safeDump };

// Stands in for gray-matter's default engines (its lib/engines.js) in the bundled CLI. Those engines are js-yaml
// (and, through it, esprima) for YAML and an `eval` for `---js` front matter. soc2lint parses front matter with
// `yaml` only and refuses every other language (src/parse/front-matter.ts gives gray-matter its own engines), so the
// bundle carries none of them. Should gray-matter ever fall back on a default engine, the run fails loudly instead of
// parsing with the wrong one, or running code.
function refuse(): never {
  throw new Error('soc2lint parses front matter with the yaml package only; no other front matter engine is bundled.');
}

const engine = { parse: refuse, stringify: refuse };

export const yaml = engine;
export const json = engine;
export const javascript = engine;

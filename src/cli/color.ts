// Whether the report on standard output is coloured. The flags win; then FORCE_COLOR, which wins over NO_COLOR as it
// does in Node.js (an explicit request for this run beats a standing preference); then NO_COLOR; then a terminal.
// https://no-color.org, https://nodejs.org/api/cli.html#force_color1-2-3

const FORCE_ON = ['', '1', '2', '3', 'true'];
const FORCE_OFF = ['0', 'false'];

export function useColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR?.trim().toLowerCase();
  if (force !== undefined && FORCE_ON.includes(force)) return true;
  if (force !== undefined && FORCE_OFF.includes(force)) return false;
  // Any other FORCE_COLOR value is not understood, and left out of the decision.
  if (env.NO_COLOR) return false; // set and not empty, as no-color.org says
  return isTTY === true;
}

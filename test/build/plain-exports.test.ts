// The bundle's chunks export their functions as plain values once loaded (src/build/bundle.ts, withPlainExports), so a
// call from one chunk into another is a call, not a getter first. Checked on the chunks a real lint loads.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../integration/program.js';

const loader = join(projectRoot, 'dist', 'bundle', 'main.js');

describe.skipIf(!existsSync(loader))('the bundle', () => {
  it('exports each function of every chunk a lint loads as a plain value', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { main } = await import(${JSON.stringify(loader)});
      const silent = { write: () => true };
      await main([${JSON.stringify(join(projectRoot, 'examples', 'broken-saas'))}, '--format', 'json'], { stdout: silent, stderr: silent, env: {}, cwd: ${JSON.stringify(projectRoot)} });
      const chunks = Object.entries(createRequire(import.meta.url).cache).filter(([file]) => file.includes('/dist/bundle/cjs/'));
      const report = { chunks: chunks.length, functions: 0, getters: [] };
      for (const [file, module] of chunks) {
        for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(module.exports))) {
          if (descriptor.get && typeof module.exports[name] === 'function') report.getters.push(file.split('/').pop() + ' ' + name);
          if (typeof descriptor.value === 'function') report.functions++;
        }
      }
      console.log(JSON.stringify(report));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { chunks: number; functions: number; getters: string[] };
    expect(report.chunks).toBeGreaterThan(5);
    expect(report.functions).toBeGreaterThan(100);
    expect(report.getters).toEqual([]);
  });
});

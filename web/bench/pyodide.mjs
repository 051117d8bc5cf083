// bufview vs Pyodide on the same program (web/bench/program.py): what each page
// transfers (gzip -9 of every file it fetched) and milliseconds from navigation
// to the program's printed output, median of N runs, headless Chromium, both
// pages served from 127.0.0.1, runs alternating between the two.
//
//   node web/bench/pyodide.mjs [runs]
//
// Both figures are "on screen": performance.now() in the page (0 = navigation
// start) at the first animation frame after the output exists.
// bufview: the page opens the program from its link (#src=...&step=-1); the run
// happens before the first frame, which draws the console panel with every
// printed line, so the figure is the animation frame after the app's first
// frame (as web/bench/load.mjs "shown"), and window.bufview.output() must
// equal CPython's output.
// Pyodide: web/bench/pyodide.html loads Pyodide (npm package, installed here
// on demand with `npm ci`; the tests never need it), runs the program with
// stdout into a <pre>, and stamps the animation frame after runPython returned.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';
import { siteDir, CHROMIUM_ARGS } from '../tests/browser.mjs';
import { stampFirstFrame } from './first_frame.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const runs = Number(process.argv[2] || 7);

if (!fs.existsSync(path.join(here, 'node_modules/pyodide/pyodide.asm.wasm'))) {
  console.log('installing pyodide (npm ci in web/bench) ...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
const pyodideVersion = JSON.parse(
  fs.readFileSync(path.join(here, 'node_modules/pyodide/package.json'), 'utf8')).version;

const program = fs.readFileSync(path.join(here, 'program.py'), 'utf8');
const expected = execFileSync('python3', [path.join(here, 'program.py')], { encoding: 'utf8' });
const link = `#src=${Buffer.from(program, 'utf8').toString('base64url')}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
});
const oursServer = await serve(siteDir, 0);
const pyServer = await serve(here, 0);
const origin = (s) => `http://127.0.0.1:${s.address().port}`;

const pages = [
  {
    name: 'bufview',
    root: siteDir,
    url: `${origin(oursServer)}/${link}&step=-1`,
    async measure(page) {
      await stampFirstFrame(page);
      await page.goto(this.url);
      await page.waitForFunction(() => window.__bufviewShownMs, null, { timeout: 60000 });
      return page.evaluate(() => ({ ms: window.__bufviewShownMs, output: window.bufview.output() }));
    },
  },
  {
    name: `Pyodide ${pyodideVersion}`,
    root: here,
    url: `${origin(pyServer)}/pyodide.html${link}`,
    async measure(page) {
      await page.goto(this.url);
      await page.waitForFunction(() => window.__pyodideResult, null, { timeout: 120000 });
      return page.evaluate(() => window.__pyodideResult);
    },
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const p of pages) { p.times = []; p.files = new Set(); }

for (let i = 0; i < runs; i++) {
  for (const p of pages) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfinished', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'http:') p.files.add(decodeURIComponent(u.pathname));
    });
    const r = await p.measure(page);
    await context.close();
    if (r.error || errors.length) throw new Error(`${p.name}: ${r.error || errors.join('; ')}`);
    if (r.output !== expected) {
      throw new Error(`${p.name} printed ${JSON.stringify(r.output)}, CPython ${JSON.stringify(expected)}`);
    }
    p.times.push(r.ms);
  }
}
await browser.close();
oursServer.close();
pyServer.close();

console.log(`program: web/bench/program.py (${program.split('\n').length - 1} lines), output checked against CPython`);
for (const p of pages) {
  let total = 0;
  const rows = [];
  for (const f of [...p.files].sort()) {
    const file = path.join(p.root, f.endsWith('/') ? `${f}index.html` : f);
    const gz = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    total += gz;
    rows.push(`    ${path.relative(p.root, file).padEnd(36)} gzip ${String(gz).padStart(9)}`);
  }
  console.log(`${p.name}`);
  console.log(rows.join('\n'));
  console.log(`  transfer     ${total} bytes gzip (${(total / 1024 / 1024).toFixed(2)} MiB)`);
  console.log(`  to output    median ${median(p.times).toFixed(0)} ms  (runs: ${p.times.map((t) => t.toFixed(0)).join(', ')})`);
}

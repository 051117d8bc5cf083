// Load figures for the README: transfer size (gzip -9 of what the page loads)
// and milliseconds from navigation to the first drawn frame, median of N runs,
// headless Chromium on 127.0.0.1.
//
//   node web/bench/load.mjs [runs] [SITE_DIR ...]
//
// Three clocks per run, all performance.now() in the page (0 = navigation start):
//   drawn    the app's first frame has issued its GL commands (stamped as the
//            app sets window.__bufviewFrames to 1, at the end of its rAF callback);
//   shown    the browser's next animation frame after that one, i.e. the first
//            frame has been composited (Chromium holds rAF while the GPU is busy);
//   driver   the test driver has seen that frame and asked the page the time
//            (what earlier versions of this script reported: it adds the
//            driver's round trips to a page that is busy starting up).
// With several site directories (a before and an after build), runs alternate
// between them so both see the same machine load.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';
import { siteDir, CHROMIUM_ARGS } from '../tests/browser.mjs';
import { stampFirstFrame } from './first_frame.mjs';

const args = process.argv.slice(2);
const runs = Number(args[0] || 7);
const sites = args.length > 1 ? args.slice(1).map((d) => path.resolve(d)) : [siteDir];

// What the page fetches: the shell, then whatever it references.
function transfer(dir) {
  const files = ['index.html', 'bufview.js', 'app.js', 'app.wasm', 'app.data']
    .filter((f) => fs.existsSync(path.join(dir, f)));
  let total = 0;
  for (const f of files) {
    const raw = fs.readFileSync(path.join(dir, f));
    const gz = zlib.gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(`  ${f.padEnd(12)} ${String(raw.length).padStart(9)} bytes  gzip ${String(gz).padStart(8)}`);
  }
  console.log(`  total gzip   ${total} bytes (${(total / 1024 / 1024).toFixed(2)} MiB)`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs) => xs.map((t) => t.toFixed(0)).join(', ');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
});
const servers = await Promise.all(sites.map((d) => serve(d, 0)));
const results = sites.map(() => ({ drawn: [], shown: [], driver: [] }));
for (let i = 0; i < runs; i++) {
  for (let s = 0; s < sites.length; s++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await stampFirstFrame(page);
    await page.goto(`http://127.0.0.1:${servers[s].address().port}/`);
    await page.waitForFunction(() => (window.__bufviewFrames || 0) >= 1, null, { timeout: 30000, polling: 'raf' });
    const driver = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => window.__bufviewShownMs, null, { timeout: 30000 });
    const [drawn, shown] = await page.evaluate(() => [window.__bufviewFirstFrameMs, window.__bufviewShownMs]);
    results[s].drawn.push(drawn);
    results[s].shown.push(shown);
    results[s].driver.push(driver);
    await context.close();
  }
}
await browser.close();
servers.forEach((s) => s.close());

sites.forEach((dir, s) => {
  console.log(sites.length > 1 ? `${dir}` : '');
  transfer(dir);
  const r = results[s];
  console.log(`  first frame  median ${median(r.drawn).toFixed(0).padStart(4)} ms drawn   (runs: ${list(r.drawn)})`);
  console.log(`               median ${median(r.shown).toFixed(0).padStart(4)} ms shown   (runs: ${list(r.shown)})`);
  console.log(`               median ${median(r.driver).toFixed(0).padStart(4)} ms driver  (runs: ${list(r.driver)})`);
});

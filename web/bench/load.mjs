// Load figures for the README: transfer size (gzip -9 of what the page loads)
// and milliseconds from navigation to the first drawn frame, median of N runs,
// headless Chromium on 127.0.0.1.   node web/bench/load.mjs [runs]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startBrowser, openPage, siteDir } from '../tests/browser.mjs';

const runs = Number(process.argv[2] || 7);
let total = 0;
for (const f of ['index.html', 'bufview.js', 'app.js', 'app.wasm']) {
  const raw = fs.readFileSync(path.join(siteDir, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(12)} ${String(raw.length).padStart(9)} bytes  gzip ${String(gz).padStart(8)}`);
}
console.log(`total gzip   ${total} bytes (${(total / 1024 / 1024).toFixed(2)} MiB)`);

const env = await startBrowser();
const times = [];
for (let i = 0; i < runs; i++) {
  const { page, context } = await openPage(env);
  await page.goto(env.url);
  await page.waitForFunction(() => (window.__bufviewFrames || 0) >= 1, null, { timeout: 30000, polling: 'raf' });
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
await env.close();
times.sort((a, b) => a - b);
console.log(`first frame  median ${times[Math.floor(times.length / 2)].toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);

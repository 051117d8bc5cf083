// The page loads, the ImGui app draws frames, the console stays clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { startBrowser, openPage, screensDir } from './browser.mjs';
import { decodePng, imageStats } from './png.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

test('the app renders frames with no console error', async () => {
  const { page, errors, context } = await openPage(env);
  await page.goto(env.url);
  await page.waitForFunction(() => (window.__bufviewFrames || 0) >= 5, null, { timeout: 30000 });
  const shot = await page.screenshot({ path: path.join(screensDir, 'page.png') });
  const stats = imageStats(decodePng(shot));
  assert.ok(stats.colours > 20, `screenshot looks blank: ${stats.colours} colours`);
  assert.ok(stats.nonBackground > 0.05, `screenshot looks blank: ${stats.nonBackground}`);
  assert.equal(await page.locator('#loading').isVisible(), false, 'loading overlay still shown');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the canvas follows the window size and device pixel ratio', async () => {
  const { page, errors, context } = await openPage(env, { width: 900, height: 600, dpr: 2 });
  await page.goto(env.url);
  await page.waitForFunction(() => (window.__bufviewFrames || 0) >= 5, null, { timeout: 30000 });
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
  });
  assert.deepEqual(size, { w: 1800, h: 1200, cssW: 900, cssH: 600 });
  await page.setViewportSize({ width: 700, height: 500 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1400, null, { timeout: 10000 });
  await page.screenshot({ path: path.join(screensDir, 'page-hidpi.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

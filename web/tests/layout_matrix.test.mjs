// The page at every size a learner may have, from a small laptop to a large
// screen, at device pixel ratios 1 and 2, with the screen as big as the page
// (playwright's default, as with F11, kiosk mode or a maximised window) and
// bigger than it. In each: a lesson loads and steps; every label and button
// the app drew (probe(): kind "label"/"button") lies inside its panel and is
// not cut; the page never calls the Fullscreen or Pointer Lock APIs, keeps the
// canvas where it was put (no wrapper DIV, nothing shifted) and the Share
// button; no page or console error. Screenshots: build/web/screens/matrix-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { startBrowser, root, screensDir } from './browser.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const toBase64Url = (s) => Buffer.from(s, 'utf8').toString('base64url');
const lesson = fs.readFileSync(path.join(root, 'lessons/a6_release_and_locks.py'), 'utf8');
const lessonTitle = /^# title: (.*)$/m.exec(lesson)[1];

// Counts every call of the Fullscreen and Pointer Lock APIs, before the page's scripts run.
function watchFullscreen() {
  window.__fullscreenCalls = [];
  const wrap = (proto, name) => {
    const original = proto[name];
    if (!original) return;
    proto[name] = function (...args) {
      window.__fullscreenCalls.push(name);
      return original.apply(this, args);
    };
  };
  wrap(Element.prototype, 'requestFullscreen');
  wrap(Element.prototype, 'webkitRequestFullscreen');
  wrap(Element.prototype, 'requestPointerLock');
  wrap(Document.prototype, 'exitFullscreen');
  wrap(Document.prototype, 'exitPointerLock');
}

async function frames(page, n) {
  const f = await page.evaluate(() => window.__bufviewFrames);
  await page.waitForFunction((t) => window.__bufviewFrames >= t, f + n, { timeout: 20000 });
}

// What the last frame drew, after recording was switched on and a frame passed.
async function probe(page) {
  await page.evaluate(() => window.bufview.probe());
  await frames(page, 2);
  return page.evaluate(() => window.bufview.probe());
}

// Every text the app drew (probe(): any item with a panel: labels, buttons,
// block titles, badges, variables, carets...): inside its panel (1 px of
// rounding; a row half out of a scrolling list is scrolled, not cut) and not cut.
function checkLabels(items, where) {
  const labels = items.filter((i) => i.panel_rect);
  const bad = [];
  for (const i of labels) {
    const [x0, y0, x1, y1] = i.rect;
    const [px0, py0, px1, py1] = i.panel_rect;
    let inside = x0 >= px0 - 1 && x1 <= px1 + 1;
    if (!i.scrolls) inside = inside && y0 >= py0 - 1 && y1 <= py1 + 1;
    if (!inside || i.clipped) bad.push(`${i.panel}: ${i.kind} "${i.text}" at [${i.rect}] in [${i.panel_rect}]${i.clipped ? ' clipped' : ''}`);
  }
  assert.deepEqual(bad, [], `${where}: texts out of their panels or cut`);
  return labels;
}

const sizes = [[1024, 640], [1280, 800], [1920, 1080], [2560, 1440]];
const cases = [];
for (const [width, height] of sizes)
  for (const dpr of [1, 2]) cases.push({ width, height, dpr, screen: null });
// The screen bigger than the page: a window that is not maximised.
cases.push({ width: 1280, height: 800, dpr: 1, screen: { width: 2560, height: 1440 } });

for (const c of cases) {
  const name = `${c.width}x${c.height}@${c.dpr}${c.screen ? `-screen${c.screen.width}x${c.screen.height}` : ''}`;
  test(`layout at ${name}${c.screen ? '' : ' (screen = viewport)'}`, async () => {
    const context = await env.browser.newContext({
      viewport: { width: c.width, height: c.height }, deviceScaleFactor: c.dpr,
      ...(c.screen ? { screen: c.screen } : {}),
    });
    await context.addInitScript(watchFullscreen);
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      const screen = await page.evaluate(() => [screen.width, screen.height]);
      if (!c.screen) assert.deepEqual(screen, [c.width, c.height], 'screen = viewport');
      await page.goto(`${env.url}#src=${toBase64Url(lesson)}&step=1`);
      await page.waitForFunction(() => window.bufview, null, { timeout: 30000 });
      await page.evaluate(() => window.bufview.ready);
      const count = await page.evaluate(() => window.bufview.stepCount());
      assert.ok(count > 5, `lesson A6 has ${count} steps`);
      const labelCount = [];
      // Step through: the first step, one in the middle (a lock badge), the last (an exception's words).
      for (const step of [1, Math.ceil(count / 2), count]) {
        await page.evaluate((n) => window.bufview.seek(n), step);
        await frames(page, 2);
        const items = await probe(page);
        labelCount.push(checkLabels(items, `${name} step ${step}`).length);
      }
      assert.ok(Math.min(...labelCount) >= 5, `too few labels probed: ${labelCount}`);
      // The lesson's header is its title above the code, not code.
      const items = await probe(page);
      const title = items.find((i) => i.kind === 'label' && i.panel === 'Code');
      assert.equal(title?.text, lessonTitle, "the lesson's title heads the code panel");

      await page.screenshot({ path: path.join(screensDir, `matrix-${name}.png`) });
      const dom = await page.evaluate(() => {
        const canvas = document.getElementById('canvas');
        const r = canvas.getBoundingClientRect();
        const share = document.getElementById('share').getBoundingClientRect();
        return {
          parent: canvas.parentElement.tagName, rect: [r.x, r.y, r.width, r.height],
          backing: [canvas.width, canvas.height], fullscreen: !!document.fullscreenElement,
          pointerLock: !!document.pointerLockElement, calls: window.__fullscreenCalls,
          share: share.width > 0 && share.right <= innerWidth && share.top >= 0,
        };
      });
      assert.deepEqual(dom.calls, [], 'Fullscreen / Pointer Lock API called');
      assert.equal(dom.fullscreen, false);
      assert.equal(dom.pointerLock, false);
      assert.equal(dom.parent, 'BODY', 'the canvas was moved into a wrapper');
      assert.deepEqual(dom.rect, [0, 0, c.width, c.height], 'the canvas moved or does not fill the page');
      assert.deepEqual(dom.backing, [c.width * c.dpr, c.height * c.dpr]);
      assert.ok(dom.share, 'the Share button is on the page');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the code panel follows the current line (seek, >|, arrow keys)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 640 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const src = Array.from({ length: 90 }, (_, i) => `b${i} = bytearray(${i + 1})`).join('\n') + '\n';
    await page.goto(`${env.url}#src=${toBase64Url(src)}&step=1`);
    await page.waitForFunction(() => window.bufview, null, { timeout: 30000 });
    await page.evaluate(() => window.bufview.ready);
    const codeScroll = async () => {
      const ui = await page.evaluate(() => window.bufview.ui());
      const w = ui.windows.find((x) => x.name.includes('##source'));
      assert.ok(w, 'the code input window');
      return w;
    };
    await frames(page, 2);
    assert.equal((await codeScroll()).scrollY, 0);
    await page.evaluate(() => window.bufview.seek(90));
    await frames(page, 3);
    const atEnd = await codeScroll();
    // Line 90 (of 90) is in view: the scroll is within a few lines of the end.
    assert.ok(atEnd.scrollY > 0 && atEnd.scrollY >= atEnd.scrollMaxY - 40, `seek(90): scroll ${atEnd.scrollY} of ${atEnd.scrollMaxY}`);
    await page.evaluate(() => window.bufview.seek(1));
    await frames(page, 3);
    assert.equal((await codeScroll()).scrollY, 0, 'seek(1) scrolls back to the top');
    await page.mouse.click(600, 300);  // the memory panel: keys step, not type
    // One key a frame at least: a press and release between two frames is not seen.
    for (let k = 0; k < 60; ++k) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((n) => window.bufview.step() === n, k + 2, { timeout: 10000 });
    }
    await frames(page, 3);
    const w = await codeScroll();
    const lineH = (w.scrollMaxY + w.h) / 90;
    assert.ok(w.scrollY <= 60 * lineH && w.scrollY + w.h >= 61 * lineH,
      `step 61: line 61 at ${60 * lineH}..${61 * lineH}, view ${w.scrollY}..${w.scrollY + w.h}`);
    await page.screenshot({ path: path.join(screensDir, 'matrix-code-follows.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

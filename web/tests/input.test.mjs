// The page's mouse wheel and keyboard shortcuts, as a learner uses them:
// real wheel and key events into the canvas, checked on window.bufview
// (step(), and ui(): the help overlay and each ImGui window's scroll).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { startBrowser, openPage, root } from './browser.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const toBase64Url = (s) => Buffer.from(s, 'utf8').toString('base64url');
const lesson = fs.readFileSync(path.join(root, 'lessons/b1_reverse_in_place.py'), 'utf8');

async function open(page, src, step) {
  await page.goto(`${env.url}#src=${toBase64Url(src)}&step=${step}`);
  await page.waitForFunction(() => window.bufview, null, { timeout: 30000 });
  await page.evaluate(() => window.bufview.ready);
}

// The ImGui window whose name contains `part` ("Memory/##canvas_…", "Code/##source_…").
async function uiWindow(page, part) {
  const ui = await page.evaluate(() => window.bufview.ui());
  const w = ui.windows.find((x) => x.name.includes(part));
  assert.ok(w, `no window ${part} in ${ui.windows.map((x) => x.name).join(', ')}`);
  return w;
}

const centre = (w) => [w.x + w.w / 2, w.y + w.h / 2];

// Lets the app draw a few frames, so that "nothing changed" means something.
async function frames(page, n) {
  const f = await page.evaluate(() => window.__bufviewFrames);
  await page.waitForFunction((t) => window.__bufviewFrames >= t, f + n, { timeout: 10000 });
}

async function stepAfter(page, key, expected) {
  await page.keyboard.press(key);
  await page.waitForFunction((n) => window.bufview.step() === n, expected, { timeout: 10000 })
    .catch(async () => assert.fail(`${key}: step ${await page.evaluate(() => window.bufview.step())}, expected ${expected}`));
}

test('the wheel scrolls the panel under the mouse: memory canvas, then code', async () => {
  const { page, errors, context } = await openPage(env);
  // 80 lines and 80 buffers: both the code and the memory canvas overflow.
  const src = Array.from({ length: 80 }, (_, i) => `b${i} = bytearray(${i % 3 ? 16 : 48})`).join('\n') + '\n';
  await open(page, src, -1);
  let canvas = await uiWindow(page, '##canvas');
  let code = await uiWindow(page, '##source');
  assert.equal(canvas.scrollY, 0);
  // At the last step the code panel follows the current line (line 80): it starts scrolled down.
  const code0 = code.scrollY;
  assert.ok(code0 > 0, `the code panel should show the current line: scrollY ${code0}`);
  assert.ok(canvas.scrollMaxY > 500, `the canvas should overflow: ${canvas.scrollMaxY}`);
  assert.ok(code.scrollMaxY > 500, `the code should overflow: ${code.scrollMaxY}`);

  await page.mouse.move(...centre(canvas));
  await frames(page, 2);
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => window.bufview.ui().windows.find((w) => w.name.includes('##canvas')).scrollY > 0,
                             null, { timeout: 10000 });
  canvas = await uiWindow(page, '##canvas');
  assert.equal((await uiWindow(page, '##source')).scrollY, code0, 'the code panel scrolled with the canvas');

  await page.mouse.move(...centre(code));
  await frames(page, 2);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((y0) => window.bufview.ui().windows.find((w) => w.name.includes('##source')).scrollY < y0,
                             code0, { timeout: 10000 });
  assert.equal((await uiWindow(page, '##canvas')).scrollY, canvas.scrollY, 'the canvas scrolled with the code');

  // Back up: the wheel the other way returns the code to its top.
  await page.mouse.wheel(0, -3000);
  await page.waitForFunction(() => window.bufview.ui().windows.find((w) => w.name.includes('##source')).scrollY === 0,
                             null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.bufview.step()), await page.evaluate(() => window.bufview.stepCount()),
               'scrolling changed the step');
  assert.deepEqual(errors, []);
  await context.close();
});

test('arrow, Home, End and Page keys step through the run; F1 and Esc show and hide the help', async () => {
  const { page, errors, context } = await openPage(env);
  await open(page, lesson, 1);
  const count = await page.evaluate(() => window.bufview.stepCount());
  assert.ok(count > 20, `reverse_in_place runs many steps, got ${count}`);
  assert.equal(await page.evaluate(() => window.bufview.step()), 1);

  await stepAfter(page, 'ArrowRight', 2);
  await stepAfter(page, 'ArrowRight', 3);
  await stepAfter(page, 'ArrowLeft', 2);
  await stepAfter(page, 'End', count);
  await stepAfter(page, 'Home', 1);
  await stepAfter(page, 'PageDown', 11);
  await stepAfter(page, 'PageUp', 1);
  assert.match(page.url(), /&step=\d+/);

  assert.equal((await page.evaluate(() => window.bufview.ui())).help, false);
  await page.keyboard.press('F1');
  await page.waitForFunction(() => window.bufview.ui().help, null, { timeout: 10000 });
  assert.ok(await uiWindow(page, 'Keyboard shortcuts'), 'the help window is drawn');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.bufview.ui().help, null, { timeout: 10000 });
  await frames(page, 2);
  assert.equal((await page.evaluate(() => window.bufview.ui())).windows.some((w) => w.name === 'Keyboard shortcuts'),
               false, 'the help window is still drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('while typing in the code panel, arrow keys move the caret, not the step', async () => {
  const { page, errors, context } = await openPage(env);
  await open(page, lesson, 5);
  const code = await uiWindow(page, '##source');
  await page.mouse.click(code.x + 60, code.y + 20);
  await frames(page, 2);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await frames(page, 3);
  assert.equal(await page.evaluate(() => window.bufview.step()), 5);
  assert.equal(await page.evaluate(() => window.bufview.source()), lesson, 'the keys changed the program');
  assert.deepEqual(errors, []);
  await context.close();
});

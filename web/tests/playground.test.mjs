// The page as a learner uses it: a program from a shared link, stepping,
// typing into the code panel, reloading. Assertions on window.bufview.scene().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { startBrowser, openPage, screensDir, root } from './browser.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const toBase64Url = (s) => Buffer.from(s, 'utf8').toString('base64url');
const lesson = fs.readFileSync(path.join(root, 'lessons/b1_reverse_in_place.py'), 'utf8');

async function ready(page) {
  await page.waitForFunction(() => window.bufview, null, { timeout: 30000 });
  await page.evaluate(() => window.bufview.ready);
}

test('a shared link opens the program at its step, and stepping changes the scene', async () => {
  const { page, errors, context } = await openPage(env);
  await page.goto(`${env.url}#src=${toBase64Url(lesson)}&step=3`);
  await ready(page);
  assert.equal(await page.evaluate(() => window.bufview.source()), lesson);
  assert.equal(await page.evaluate(() => window.bufview.step()), 3);
  const count = await page.evaluate(() => window.bufview.stepCount());
  assert.ok(count > 20, `reverse_in_place runs many steps, got ${count}`);

  // Step 3 ran `i = 0` after `mv = memoryview(data)`: one view over data's 23 bytes.
  let scene = await page.evaluate(() => window.bufview.scene());
  const data = scene.blocks.find((b) => b.names.some((n) => n.name === 'data'));
  assert.ok(data, 'a block named data');
  assert.equal(data.size, 23);
  const mv = scene.views.find((v) => v.names.some((n) => n.name === 'mv'));
  assert.ok(mv, 'a view named mv');
  assert.equal(mv.state, 'alive');
  const exporter = scene.exporters.find((e) => e.block === data.id);
  assert.equal(exporter.locked, true);

  // Step on to the first swap: a write through mv.
  let wrote = null;
  for (let s = 4; s <= count && !wrote; s++) {
    await page.evaluate((n) => window.bufview.seek(n), s);
    scene = await page.evaluate(() => window.bufview.scene());
    wrote = scene.writes.find((w) => w.through === mv.id);
  }
  assert.ok(wrote, 'some step writes through mv');
  assert.match(page.url(), /#src=.*&step=\d+/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screensDir, 'page-lesson-write.png') });

  // The last step: mv released, data unlocked and grown.
  await page.evaluate((n) => window.bufview.seek(n), count);
  scene = await page.evaluate(() => window.bufview.scene());
  const last = scene.blocks.find((b) => b.names.some((n) => n.name === 'data'));
  assert.equal(last.size, 25);
  assert.equal(scene.exporters.find((e) => e.block === last.id)?.locked ?? false, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing into the code panel re-runs the program, and a reload keeps it', async () => {
  const { page, errors, context } = await openPage(env);
  await page.goto(`${env.url}#src=${toBase64Url('x = bytearray(4)\n')}&step=1`);
  await ready(page);
  assert.equal(await page.evaluate(() => window.bufview.stepCount()), 1);
  // Click into the code panel (left column, upper part), go to the end, type a line.
  await page.mouse.click(200, 200);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('v = memoryview(x)\nv[0] = 255\n', { delay: 15 });
  await page.waitForFunction(() => window.bufview.stepCount() === 3, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.bufview.source()),
               'x = bytearray(4)\nv = memoryview(x)\nv[0] = 255\n');
  await page.evaluate(() => window.bufview.seek(3));
  let scene = await page.evaluate(() => window.bufview.scene());
  const x = scene.blocks.find((b) => b.names.some((n) => n.name === 'x'));
  assert.equal(x.bytes, 'ff000000');  // SCHEMA.md: bytes as hex

  // Reload: the URL and local storage bring the same program back.
  await page.waitForTimeout(600);  // the page syncs every 400 ms
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => window.bufview.source()),
               'x = bytearray(4)\nv = memoryview(x)\nv[0] = 255\n');
  // ... and without the URL, from local storage.
  await page.goto(env.url);
  await page.evaluate(() => { history.replaceState(null, '', location.pathname); location.reload(); });
  await ready(page);
  assert.match(await page.evaluate(() => window.bufview.source()), /v\[0\] = 255/);
  await page.screenshot({ path: path.join(screensDir, 'page-typed.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Embind Playground runs programs on its own and reports errors as values', async () => {
  const { page, errors, context } = await openPage(env);
  await page.goto(env.url);
  await ready(page);
  const r = await page.evaluate(() => {
    const p = new Module.Playground();
    p.load('b = bytearray(b"ab")\nm = memoryview(b)\nb.append(1)\n');
    const run = p.run();
    const out = { ok: run.ok, error: run.error, line: run.line, steps: p.stepCount() };
    p.delete();
    return out;
  });
  assert.deepEqual(r, { ok: false, error: 'BufferError: Existing exports of data: object cannot be re-sized',
                        line: 3, steps: 3 });
  assert.deepEqual(errors, []);
  await context.close();
});

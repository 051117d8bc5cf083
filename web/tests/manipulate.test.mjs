// Direct manipulation in the page: drag over bytes on the canvas, right-click,
// press "Insert view" in the menu, and the program gains the statement, re-runs,
// and shows the new view. Positions come from window.bufview.probe() (where the
// last frame drew each byte cell and labelled button), events are real mouse events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openPage } from './browser.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const toBase64Url = (s) => Buffer.from(s, 'utf8').toString('base64url');
const program = 'data = bytearray(b"0123456789abcdef")\nmv = memoryview(data)\nprint(len(mv))\n';

async function frames(page, n) {
  const f = await page.evaluate(() => window.__bufviewFrames);
  await page.waitForFunction((t) => window.__bufviewFrames >= t, f + n, { timeout: 10000 });
}

async function probe(page) {
  await page.evaluate(() => window.bufview.probe());  // recording on
  await frames(page, 2);
  return page.evaluate(() => window.bufview.probe());
}

const centre = (p) => [(p.rect[0] + p.rect[2]) / 2, (p.rect[1] + p.rect[3]) / 2];

test('drag over bytes, right-click, Insert view: the code gains the view and the scene shows it', async () => {
  const { page, errors, context } = await openPage(env);
  await page.goto(`${env.url}#src=${toBase64Url(program)}&step=2`);
  await page.waitForFunction(() => window.bufview, null, { timeout: 30000 });
  await page.evaluate(() => window.bufview.ready);
  const scene = await page.evaluate(() => window.bufview.scene());
  const data = scene.blocks.find((b) => b.names.some((n) => n.name === 'data'));
  assert.ok(data, 'data has a block');

  let items = await probe(page);
  const cell = (offset) => items.find((i) => i.kind === 'cell' && i.block === data.id && i.offset === offset);
  assert.ok(cell(4) && cell(9), 'bytes 4 and 9 of data are drawn');
  await page.mouse.move(...centre(cell(4)));
  await frames(page, 1);
  await page.mouse.down();
  await frames(page, 1);
  await page.mouse.move(...centre(cell(9)), { steps: 4 });
  await frames(page, 1);
  await page.mouse.up();
  await frames(page, 1);
  await page.mouse.click(...centre(cell(6)), { button: 'right' });

  items = await probe(page);
  const button = items.find((i) => i.kind === 'button' && i.view === 'Insert view');
  assert.ok(button, `the byte menu offers Insert view: ${JSON.stringify(items.filter((i) => i.kind === 'button'))}`);
  await page.mouse.click(...centre(button));
  await page.waitForFunction(() => window.bufview.source().includes('view = memoryview(data)[4:10]'), null,
    { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.bufview.source()),
    'data = bytearray(b"0123456789abcdef")\nmv = memoryview(data)\nview = memoryview(data)[4:10]\nprint(len(mv))\n');
  // The app moved to the step where the inserted line has just run.
  assert.equal(await page.evaluate(() => window.bufview.step()), 3);
  const after = await page.evaluate(() => window.bufview.scene());
  const view = after.views.find((v) => v.names.some((n) => n.name === 'view'));
  assert.ok(view, 'the scene has the new view');
  assert.equal(view.offset, 4);
  assert.equal(view.nbytes, 6);
  assert.deepEqual(errors, []);
  await context.close();
});

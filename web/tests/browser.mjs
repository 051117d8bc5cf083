// Shared set-up for the browser tests: serve build/web/site on 127.0.0.1 and
// drive Debian's Chromium through playwright-core (no browser download).
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const siteDir = process.env.BUFVIEW_SITE || path.join(root, 'build/web/site');
export const screensDir = path.join(root, 'build/web/screens');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function startBrowser() {
  if (!fs.existsSync(path.join(siteDir, 'app.wasm'))) throw new Error(`no build in ${siteDir}`);
  const server = await serve(siteDir, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  fs.mkdirSync(screensDir, { recursive: true });
  return {
    browser, server, url,
    async close() { await browser.close(); server.close(); },
  };
}

// A page that records every console error and uncaught exception.
export async function openPage(env, { width = 1280, height = 800, dpr = 1 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors, context };
}

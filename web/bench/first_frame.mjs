// Stamps, inside the page, when bufview's first frame is drawn and when it is
// shown: window.__bufviewFirstFrameMs is performance.now() as the app reports
// its first frame (window.__bufviewFrames reaching 1, at the end of its rAF
// callback); window.__bufviewShownMs is the browser's next animation frame,
// i.e. the first frame composited. Used by load.mjs and pyodide.mjs.
export async function stampFirstFrame(page) {
  await page.addInitScript(() => {
    let frames = 0;
    Object.defineProperty(window, '__bufviewFrames', {
      configurable: true,
      get() { return frames; },
      set(v) {
        if (v >= 1 && !window.__bufviewFirstFrameMs) {
          window.__bufviewFirstFrameMs = performance.now();
          requestAnimationFrame(() => { window.__bufviewShownMs = performance.now(); });
        }
        frames = v;
      },
    });
  });
}

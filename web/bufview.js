// Page glue: window.bufview, the program in the URL and in local storage, Share,
// and pasting from the system clipboard. No engine logic: everything goes
// through the Embind functions of web/bindings.cpp.
//
// URL: #src=<base64url of the UTF-8 program>&step=N opens that program at step N.
(function () {
  'use strict';
  var STORAGE_KEY = 'bufview.source';

  function toBase64Url(text) {
    var bytes = new TextEncoder().encode(text), bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    var bin = atob(s), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }
  function hashParams() {
    var out = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
    });
    return out;
  }

  // The program to open: the URL's, else the last one edited here, else the app's default.
  var params = hashParams();
  var initial = null;
  if (params.src) {
    try { initial = fromBase64Url(params.src); } catch (e) { console.warn('bufview: bad #src in URL'); }
  }
  if (initial === null) {
    try { initial = localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage may be disabled */ }
  }
  window.__bufviewInitial = initial;
  window.__bufviewInitialStep = params.step ? (parseInt(params.step, 10) || 0) : 0;

  function linkFor(src, step) { return '#src=' + toBase64Url(src) + '&step=' + step; }

  // Keep the URL and local storage in step with the app: nothing is lost on reload.
  var saved = { src: null, step: null };
  function sync() {
    if (!window.Module || !Module.appSource) return;
    var src = Module.appSource(), step = Module.appStep();
    if (src === saved.src && step === saved.step) return;
    saved = { src: src, step: step };
    try { localStorage.setItem(STORAGE_KEY, src); } catch (e) { /* ignore */ }
    history.replaceState(null, '', linkFor(src, step));
  }

  var readyResolve;
  window.bufview = {
    ready: new Promise(function (resolve) { readyResolve = resolve; }),
    stepCount: function () { return Module.appStepCount(); },
    step: function () { return Module.appStep(); },
    seek: function (n) { var s = Module.appSeek(n); sync(); return s; },
    scene: function () { return JSON.parse(Module.appSceneJson()); },
    source: function () { return Module.appSource(); },
    output: function () { return Module.appOutput(); },  // all the run printed
    ui: function () { return Module.appUi(); },  // help overlay, windows and their scroll
    probe: function () { return JSON.parse(Module.appProbe()); },  // cells, lanes, buttons drawn (tests)
    load: function (src) { var r = Module.appLoad(src); sync(); return r; },
    shareLink: function () { sync(); return location.href; },
  };

  // Called by index.html once the runtime is up; ready resolves after the first frame.
  window.__bufviewStarted = function () {
    (function wait() {
      if ((window.__bufviewFrames || 0) >= 1) { sync(); readyResolve(window.bufview); }
      else requestAnimationFrame(wait);
    })();
    setInterval(sync, 400);
  };

  document.addEventListener('paste', function (e) {
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (text && window.Module && Module.ccall) {
      Module.ccall('bufview_paste', null, ['string'], [text]);
      e.preventDefault();
    }
  });

  window.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('share');
    if (!button) return;
    button.addEventListener('click', function () {
      var link = window.bufview.shareLink();
      var done = function () { button.textContent = 'Link copied'; setTimeout(function () { button.textContent = 'Share'; }, 1500); };
      if (navigator.clipboard) navigator.clipboard.writeText(link).then(done, function () { prompt('Copy this link:', link); });
      else prompt('Copy this link:', link);
    });
  });
})();

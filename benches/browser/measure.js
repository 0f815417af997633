// In-page measuring for the browser benchmark (loaded by hitforms.html and surveyjs.html).
// Every time is performance.now() in the page; "dom" is when a MutationObserver sees the change,
// "frame" is the next animation frame after it plus a task (style, layout and paint done).

/** Resolves after the next frame has been produced. */
export function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves with performance.now() at the first mutation of `root` after which `check()` holds. */
export function whenDom(root, check, timeout = 60_000) {
  return new Promise((resolve, reject) => {
    if (check()) return resolve(performance.now());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the DOM'));
    }, timeout);
    const observer = new MutationObserver(() => {
      if (!check()) return;
      const t = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(t);
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Times `mount()` until `ready()` holds: `{ dom, frame }` in ms. `observe` is where to watch. */
export async function timeFirstRender(mount, observe, ready) {
  const t0 = performance.now();
  const root = mount();
  const dom = await whenDom(observe(root), () => ready(root));
  await nextFrame();
  return { dom: dom - t0, frame: performance.now() - t0 };
}

/**
 * Keystroke latency: for each key the runner presses into the field, the time from the keydown
 * event to the first DOM mutation after which the field's character counter shows the new
 * length. Latencies collect in window.__keys across batches; `watchKeystrokes` starts a batch
 * (the field was just emptied, so the count starts at 0).
 */
const keys = { pressed: null, expected: 0, counter: null, installed: false };

export function watchKeystrokes(observeRoot, counter) {
  Object.assign(keys, { pressed: null, expected: 0, counter });
  window.__keys ??= [];
  if (keys.installed) return;
  keys.installed = true;
  document.addEventListener('keydown', (e) => {
    keys.pressed = e.timeStamp;
    keys.expected += 1;
  }, true);
  new MutationObserver(() => {
    if (keys.pressed === null) return;
    if (new RegExp(`(^|\\D)${keys.expected}\\s*/`).test(keys.counter().textContent)) {
      window.__keys.push(performance.now() - keys.pressed);
      keys.pressed = null;
    }
  }).observe(observeRoot, { subtree: true, childList: true, characterData: true });
}

/** Time from a click on `button` to the first mutation that adds a form control, then to the next frame. */
export async function timeAddRow(button, observeRoot) {
  let added = false;
  const observer = new MutationObserver((records) => {
    added ||= records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1 && (n.matches('input, textarea, select') || n.querySelector('input, textarea, select'))));
  });
  observer.observe(observeRoot, { subtree: true, childList: true });
  const t0 = performance.now();
  const done = whenDom(observeRoot, () => added);
  button.click();
  const dom = await done;
  observer.disconnect();
  await nextFrame();
  return { dom: dom - t0, frame: performance.now() - t0 };
}

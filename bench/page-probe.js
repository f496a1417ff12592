// Runs in the page before its own scripts (bench/browser.ts adds it as an init script); plain JavaScript
// because a function serialised from TypeScript run by tsx carries helper calls the page does not have.
//
// It times what a user sees: from the event that started an action (the file input's change, a click, a
// keydown: its timeStamp is when the browser received it) until the first frame painted after the page
// shows the result. "Painted" is a message posted from the requestAnimationFrame callback of the frame that
// carries the change, so it fires once that frame's style, layout and paint are done.
(() => {
  const lastEvent = {};
  for (const type of ['change', 'click', 'keydown']) {
    window.addEventListener(
      type,
      (event) => {
        lastEvent[type] = event.timeStamp;
      },
      true,
    );
  }

  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the freeze figures stay empty.
  }

  const nextPaint = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  const headingStarting = (prefix) =>
    [...document.querySelectorAll('h1, h2, h3, h4, [role="heading"]')].find((h) =>
      (h.textContent ?? '').trim().startsWith(prefix),
    );
  const buttonNamed = (name) =>
    [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === name);

  // The XML view draws CodeMirror inside its host's open shadow root (its styles stay out of the page's CSP).
  const xmlRoot = () => {
    const host = document.querySelector('[data-testid="xml-view"]');
    return host ? (host.shadowRoot ?? host) : null;
  };

  // What the page shows, by the words and roles a user goes by.
  const conditions = {
    // The empty page: block list, problems and the buttons that add blocks.
    usable: () => {
      const add = buttonNamed('Add command');
      return Boolean(headingStarting('Blocks') && headingStarting('Problems') && add && !add.disabled);
    },
    // The import dialog read the file and offers to open it.
    importReady: () => {
      const open = buttonNamed('Open as the document');
      return Boolean(open && !open.disabled);
    },
    // The block list shows the document: its count in the heading and rows to click.
    blocks: (count) => {
      const heading = headingStarting('Blocks');
      return Boolean(
        heading &&
          (heading.textContent ?? '').replace(/\D/g, '') === String(count) &&
          document.querySelector('[role="listbox"] [role="option"]'),
      );
    },
    // The form of the selected block.
    form: (name) => Boolean(document.querySelector(`form[aria-label="${CSS.escape(name)}"]`)),
    // The focused field holds the value and the XML view shows the element with it.
    typed: ({ value, line }) => {
      const field = document.activeElement;
      if (!field || field.value !== value) return false;
      const root = xmlRoot();
      if (!root) return false;
      const lines = root.querySelectorAll('.cm-line');
      // Before the editor is ready the view may be plain text rather than CodeMirror's lines.
      if (lines.length === 0) return (root.textContent ?? '').includes(line);
      return [...lines].some((l) => (l.textContent ?? '').includes(line));
    },
  };

  const pending = new Map();
  let nextId = 0;

  /** Starts watching for a condition; `result(id)` waits for it. Resets the event times it reports. */
  const arm = (name, arg, startEvent) => {
    const condition = conditions[name];
    if (!condition) throw new Error(`No condition ${name}`);
    delete lastEvent[startEvent];
    const id = nextId++;
    const entry = {};
    entry.promise = new Promise((resolve) => {
      let done = false;
      const check = () => {
        if (done || !condition(arg)) return;
        done = true;
        observer.disconnect();
        clearInterval(poll);
        const matched = performance.now();
        nextPaint().then((painted) => resolve({ matched, painted, start: lastEvent[startEvent] ?? null }));
      };
      const observer = new MutationObserver(check);
      const watch = { subtree: true, childList: true, characterData: true, attributes: true };
      observer.observe(document, watch);
      // Mutations inside a shadow root are not reported to an observer of the document.
      const shadow = document.querySelector('[data-testid="xml-view"]')?.shadowRoot;
      if (shadow) observer.observe(shadow, watch);
      // A field's value changes without a DOM mutation; the poll also covers a change no mutation reports.
      const poll = setInterval(check, 20);
      check();
    });
    pending.set(id, entry);
    return id;
  };

  const result = async (id) => {
    const entry = pending.get(id);
    if (!entry) throw new Error(`Nothing armed as ${id}`);
    const outcome = await entry.promise;
    pending.delete(id);
    return outcome;
  };

  /** The longest main-thread task that overlapped [from, to], in ms (0 when none). */
  const longestTask = (from, to) =>
    longTasks
      .filter((t) => t.start < to && t.start + t.duration > from)
      .reduce((longest, t) => Math.max(longest, t.duration), 0);

  /** Resolves once no long task has run for `quietMs` (or after `maxMs`): the page has settled. */
  const settled = (quietMs, maxMs) =>
    new Promise((resolve) => {
      const started = performance.now();
      const poll = setInterval(() => {
        const now = performance.now();
        const lastEnd = longTasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0);
        if (now - lastEnd >= quietMs || now - started >= maxMs) {
          clearInterval(poll);
          resolve(now - lastEnd >= quietMs);
        }
      }, 50);
    });

  window.__arBench = { arm, result, longestTask, settled, now: () => performance.now() };
})();

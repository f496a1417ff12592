import { analyseHere } from '../app/analysis/analysis';
import { portHere } from '../app/analysis/analysis-here';

// jsdom has no workers: the page's checks and simulations run on this thread, answered at once.
analyseHere(portHere);

// CodeMirror measures text ranges; jsdom has no layout, so give it empty geometry.
if (typeof Range !== 'undefined') {
  Range.prototype.getClientRects = () =>
    ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
}

// jsdom has no <dialog> methods; the modal is simply open or not.
if (typeof HTMLDialogElement !== 'undefined') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}

// jsdom lays nothing out, so every box is 0 px tall and a virtual list would render no rows. Boxes are
// given room for the rows instead; rows still measure 0 px, so a list of a few hundred rows renders whole.
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
}

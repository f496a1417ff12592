import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod's fast path compiles validators with new Function, which the page's Content-Security-Policy forbids;
// even its probe for it is reported as a violation. Schemas read this when they are built.
// The page uses zod/mini (the first load stays small), which has no messages of its own: these are the
// English ones the full zod sets, which the drafts' notices quote.
z.config({ jitless: true, ...en() });

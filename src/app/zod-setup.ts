import { z } from 'zod';

// zod's fast path compiles validators with new Function, which the page's Content-Security-Policy forbids;
// even its probe for it is reported as a violation. Schemas read this when they are built.
z.config({ jitless: true });

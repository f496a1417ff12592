import { z } from 'zod';

// zod compiles a faster parser with `new Function` unless told not to; the page's CSP allows no eval, and
// the probe for it would be reported as a violation on every load.
z.config({ jitless: true });

#!/usr/bin/env node
// Runs the TypeScript CLI directly (Node 20 cannot strip types), so `npx ar-studio` needs no build step.
// Nothing here may throw past the user: every failure becomes one line on stderr and exit status 2.
const die = (error) => {
  process.stderr.write(
    `ar-studio: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

try {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `ar-studio: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
}

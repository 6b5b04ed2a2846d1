// Runs a script's main function and turns a failure into a message and exit
// code 1, without a stack trace for errors that already say what is wrong.
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exitCode = 1;
  });
}

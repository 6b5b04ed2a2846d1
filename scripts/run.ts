import { spawn } from "node:child_process";

/** Runs one step of a script, inheriting the terminal; rejects on failure. */
export function run(
  step: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  console.log(`\n== ${step}: ${command} ${args.join(" ")}`);

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });

    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(new Error(`${step} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

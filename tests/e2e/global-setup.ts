/** Builds the bot once before the end-to-end tests, which start it exactly as `npm start` does. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  // A run started by tests/content/teacher-edit.test.ts uses the build its parent run just made.
  if (process.env.TEST_BUILT === '1') return;
  execFileSync(path.resolve('node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

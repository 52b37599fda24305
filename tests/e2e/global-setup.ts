/** Builds the bot once before the end-to-end tests, which start it exactly as `npm start` does. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(path.resolve('node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

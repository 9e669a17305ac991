// Vitest global setup: the CLI tests run bin/talentflow.mjs, which runs the compiled dist/, and the
// browser tests serve the prebuilt viewer; build both first when a source is newer than the build,
// so `npx vitest run …` never tests stale JavaScript.
import { build } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await build();
}

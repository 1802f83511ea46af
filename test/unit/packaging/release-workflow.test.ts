/**
 * The release workflow (issue 16, item 8) cannot run on these machines (no internet, no Electron
 * binary); this keeps it correct: each OS job installs, runs the `_electron` specs (under Xvfb on
 * Linux), and builds that OS's installers with the targets electron-builder.yml declares.
 */
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
  env: Record<string, string>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = load(readFileSync('.github/workflows/release.yml', 'utf8')) as Workflow;

/** Per job: its runner, the electron-builder platform flag and the files it must keep. */
const JOBS = {
  linux: {
    runner: /^ubuntu-/,
    platform: '--linux',
    artifacts: ['release/*.AppImage', 'release/*.deb', 'release/latest-linux.yml'],
  },
  windows: { runner: /^windows-/, platform: '--win', artifacts: ['release/*.exe', 'release/latest.yml'] },
  macos: {
    runner: /^macos-/,
    platform: '--mac',
    artifacts: ['release/*.dmg', 'release/*.zip', 'release/latest-mac.yml'],
  },
} as const;

/** The index of the first step whose `run` or `uses` matches, or -1. */
function stepIndex(job: Job, pattern: RegExp): number {
  return job.steps.findIndex((step) => pattern.test(step.run ?? '') || pattern.test(step.uses ?? ''));
}

describe('.github/workflows/release.yml', () => {
  it('runs on a version tag or by hand, read-only, with the Electron specs required', () => {
    expect(workflow.on.push?.tags).toEqual(['v*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.env.CAJA_REQUIRE_ELECTRON).toBe('1');
    expect(Object.keys(workflow.jobs).sort()).toEqual(Object.keys(JOBS).sort());
  });

  it.each(Object.entries(JOBS))(
    '%s: install, build, Electron specs, then the installers, in order',
    (name, expected) => {
      const job = workflow.jobs[name]!;
      expect(job['runs-on']).toMatch(expected.runner);
      const order = [
        stepIndex(job, /^actions\/checkout@v\d+$/),
        stepIndex(job, /^actions\/setup-node@v\d+$/),
        stepIndex(job, /^npm ci$/),
        stepIndex(job, /^node node_modules\/electron\/install\.js$/),
        stepIndex(job, /^npm run build$/),
        stepIndex(job, /^npm run electron:native$/),
        stepIndex(job, /npx playwright test --project electron$/),
        stepIndex(job, /^npx electron-builder --config electron-builder\.yml /),
        stepIndex(job, /^actions\/upload-artifact@v\d+$/),
      ];
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      const setupNode = job.steps[order[1]!]!;
      // The afterPack hook's @electron/fuses needs Node 22.12 or later.
      expect(Number(setupNode.with?.['node-version'])).toBeGreaterThanOrEqual(22);
      const builder = job.steps[order[7]!]!.run!;
      expect(builder.split(' ')).toEqual(expect.arrayContaining([expected.platform, '--publish', 'never']));
      const kept = job.steps[order[8]!]!.with?.path?.split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      expect(kept).toEqual(expect.arrayContaining([...expected.artifacts]));
    },
  );

  it('runs the Linux specs under a virtual display, with Xvfb installed first', () => {
    const job = workflow.jobs.linux!;
    const specs = job.steps[stepIndex(job, /playwright test --project electron/)]!.run!;
    expect(specs).toMatch(/^xvfb-run /);
    const xvfb = stepIndex(job, /apt-get install -y .*\bxvfb\b/);
    expect(xvfb).toBeGreaterThanOrEqual(0);
    expect(xvfb).toBeLessThan(stepIndex(job, /playwright test/));
  });

  it('pins every action to a major version', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    );
    for (const action of uses) expect(action).toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});

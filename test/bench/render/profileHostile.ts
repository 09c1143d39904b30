// Where the opening of each hostile answer spends its time, by CPU work rather than wall frames
// (the machine is shared): `npx tsx test/bench/render/profileHostile.ts [name filter]`.
// Traces the page's main thread (Chromium's devtools.timeline) and samples its JavaScript
// (V8 profiler) while a thread holding the answer opens, then prints the longest task's
// breakdown: self time per trace event (layout, style, paint, script…) and per JS function.
// PROFILE_RENDERER=<dir> serves another build (e.g. an unminified one: `npx vite build
// --outDir /tmp/prof-renderer --minify false`) so functions keep their names.
import { loadavg } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../../e2e/browser';
import { ensureKeyring } from '../../bridge/keyring';
import { startHost } from '../../bridge/host';
import { openBenchPage } from './app';
import { HOSTILE, seedAnswer } from './hostile';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, what it cost regardless of other work on the machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function trace(session: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  session.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'toplevel',
        'v8',
        'blink',
        'disabled-by-default-devtools.timeline',
      ],
    },
  });
  await run();
  await session.send('Tracing.end');
  await complete;
  session.off('Tracing.dataCollected', collect);
  return events;
}

/** Self time (ms) per name of the complete events nested inside [start, end] on one thread. */
function selfTimes(events: TraceEvent[], start: number, end: number): Map<string, number> {
  const inside = events
    .filter((e) => e.ph === 'X' && e.ts >= start && e.ts + (e.dur ?? 0) <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = new Map<string, number>();
  const stack: { event: TraceEvent; children: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.event.ts + (top.event.dur ?? 0) > upTo) break;
      stack.pop();
      const label = top.event.name;
      totals.set(label, (totals.get(label) ?? 0) + ((top.event.tdur ?? 0) - top.children) / 1000);
    }
  };
  for (const event of inside) {
    close(event.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.children += event.tdur ?? 0;
    stack.push({ event, children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return totals;
}

/** Self time (ms) per JS function of the samples taken inside [start, end]. */
function jsSelfTimes(profile: Profile, start: number, end: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    // Counted at the sampling interval: a delta stretched by waiting for a core is not the function's.
    const interval = SAMPLE_US / 1000;
    if (t < start || t > end) return;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const label = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    totals.set(label, (totals.get(label) ?? 0) + interval);
  });
  return totals;
}

const SAMPLE_US = 100;

/**
 * Time (ms) under each React component (a capitalised function) of the samples inside
 * [start, end], counted once per sample however deep it recurses: which subtree the task renders.
 */
function componentTimes(profile: Profile, start: number, end: number): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes as (ProfileNode & { children?: number[] })[])
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < start || t > end) return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (/^[A-Z][A-Za-z]+$/u.test(name)) seen.add(name);
    }
    for (const name of seen) totals.set(name, (totals.get(name) ?? 0) + SAMPLE_US / 1000);
  });
  return totals;
}

const top = (totals: Map<string, number>, n: number): string =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `      ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    .join('\n');

ensureKeyring();
const filter = process.argv[2] ?? '';
const verbose = process.env.PROFILE_VERBOSE === '1';
const sampling = process.env.PROFILE_JS !== '0';
/** Frames traced after the messages are painted (PROFILE_AFTER=30: what follows the opening too). */
const AFTER = Number(process.env.PROFILE_AFTER ?? 2);
const browser = await launchChromium();
const host = await startHost({ demo: true, rendererDir: process.env.PROFILE_RENDERER });
try {
  const app = await openBenchPage(browser, host);
  await app.page.getByTestId('composer').waitFor({ timeout: 120_000 });
  // PROFILE_WIDTH=1024: a narrow window, where the inspector is folded away (what it costs).
  if (process.env.PROFILE_WIDTH)
    await app.page.setViewportSize({ width: Number(process.env.PROFILE_WIDTH), height: 900 });
  const session = await app.context.newCDPSession(app.page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  // A short answer first: what opening any thread costs, against which the hostile ones compare.
  const cases = Object.entries({ 'a short answer': 'A short answer.', ...HOSTILE });
  const rounds = Number(process.env.PROFILE_ROUNDS ?? 1);
  for (const [name, answer] of Array.from({ length: rounds }, () => cases).flat()) {
    if (!name.includes(filter)) continue;
    const threadId = seedAnswer(host, answer, `Profile: ${name}`);
    let profile: Profile | null = null;
    let frames: number[] = [];
    let texts: string[] = [];
    const events = await trace(session, async () => {
      // PROFILE_JS=0: no JS sampling (its own cost shows in the trace as long mojo tasks).
      if (sampling) await session.send('Profiler.start');
      ({ frames, texts } = await app.page.evaluate(
        async ([id, after, showAll]) => {
          const bench = window.__llmDeskBench;
          if (!bench) throw new Error('no bench hooks');
          performance.mark('profile-opening');
          const recorder = bench.recordFrames();
          await bench.openThread(id);
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          for (let i = 0; i < after; i++) await frame();
          // PROFILE_SHOWALL=1: press Show all and trace until the rest has its place, and after.
          const button = document.querySelector<HTMLButtonElement>('.msg-more button');
          if (showAll && button) {
            button.click();
            while (document.querySelector('.msg-more')) await frame();
            for (let i = 0; i < after; i++) await frame();
          }
          const frames = recorder.stop();
          performance.mark('profile-opened');
          // The longest text nodes on screen, in case one is laid out whole.
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const texts: string[] = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode())
            if ((n.textContent ?? '').length > 2000)
              texts.push(`${n.textContent?.length} in ${n.parentElement?.className}`);
          return { frames, texts };
        },
        [threadId, AFTER, process.env.PROFILE_SHOWALL === '1'] as const,
      ));
      if (sampling)
        profile = ((await session.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
    });
    const mainTid = events.find(
      (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
    );
    const onMain = events.filter((e) => mainTid && e.pid === mainTid.pid && e.tid === mainTid.tid);
    // Only the tasks between the page's two marks: stopping the profiler is a long task of its own.
    const mark = (name: string) => events.find((e) => e.name === name)?.ts;
    const from = mark('profile-opening') ?? 0;
    const to = mark('profile-opened') ?? Number.POSITIVE_INFINITY;
    const runs = onMain.filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        e.ts + (e.dur ?? 0) >= from &&
        e.ts <= to,
    );
    const tasks = runs
      // The outermost only (RunTask nests inside ThreadControllerImpl::RunTask).
      .filter(
        (t) =>
          !runs.some(
            (o) =>
              o !== t &&
              o.ts <= t.ts &&
              o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) &&
              (o.dur ?? 0) > (t.dur ?? 0),
          ),
      )
      // Starting the profiler is a long task of its own, before the opening.
      .filter(
        (t) =>
          !onMain.some(
            (e) => e.name === 'CpuProfiler::StartProfiling' && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0),
          ),
      )
      .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
    console.log(
      `\n${name}: frames ${frames.map((f) => f.toFixed(1)).join(', ')} ms (load average ${loadavg()[0]?.toFixed(1)})`,
    );
    console.log(`  long text nodes on screen: ${texts.join('; ') || 'none'}`);
    console.log(`  longest task: ${((tasks[0]?.tdur ?? 0) / 1000).toFixed(1)} ms thread time`);
    // Every task of more than 8 ms of thread time, in order: what each frame of the opening did.
    const first = tasks.reduce((min, t) => Math.min(min, t.ts), Number.POSITIVE_INFINITY);
    for (const task of [...tasks].filter((t) => (t.tdur ?? 0) > 8000).sort((a, b) => a.ts - b.ts)) {
      const start = task.ts;
      const end = task.ts + (task.dur ?? 0);
      const ms = (us = 0) => (us / 1000).toFixed(1);
      console.log(
        `  at +${ms(start - first)} ms: a task of ${ms(task.tdur)} ms thread time (${ms(task.dur)} ms wall)${verbose ? '; self thread time:' : ''}`,
      );
      if (!verbose) continue;
      console.log(top(selfTimes(onMain, start, end), 6));
      if (profile && task === tasks[0]) {
        console.log('    the longest task\u2019s JS functions by self time (samples × interval):');
        console.log(top(jsSelfTimes(profile, start, end), 12));
        console.log('    …and by component, inclusive:');
        console.log(top(componentTimes(profile, start, end), 25));
      }
    }
  }
  await app.close();
} finally {
  await host.close();
  await browser.close();
}

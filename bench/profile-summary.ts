/**
 * `npx tsx bench/profile-summary.ts FILE.cpuprofile [N]`: where a V8 CPU profile (from
 * `npm run bench -- sync --profile DIR`) spent its time: the top N functions by self time,
 * and the time per package or source directory, as shares of all samples.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number };
const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);

const where = (url: string): string => {
  if (!url) return '(native/V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:*';
  const own = /\/(server|core|client)\/src\/([^/]+)/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
};

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  if (hits === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${where(url)}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  byPlace.set(where(url), (byPlace.get(where(url)) ?? 0) + hits);
}
const pct = (n: number) => `${((n / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${total} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
console.log('\nBy package / directory:');
for (const [place, hits] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(hits)}  ${place}`);
console.log(`\nTop ${top} functions by self time:`);
for (const [name, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`  ${pct(hits)}  ${name}`);

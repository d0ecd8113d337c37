/**
 * The profiling scripts' CPU profiler (bench/profile-*.ts): started around the
 * phase they measure, and written as a .cpuprofile for Chrome's DevTools.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function startCpuProfile(): Promise<{ stopAndWrite(file: string): Promise<void> }> {
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
  return {
    async stopAndWrite(file) {
      const { profile } = await inspector.post('Profiler.stop');
      inspector.disconnect();
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

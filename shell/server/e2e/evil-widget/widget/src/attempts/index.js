// Every attempt the evil widget makes, by area. Another area adds its file here (e.g. script
// injection, HTML assets) and its list to ATTEMPTS; the suite for that area reads its own results.
//
// An attempt is { name, run(context) }; run resolves to what came back — at least { code } (the
// refusal's error code, or 'OK' when nothing refused it), plus anything the suite asserts on.
import { HOST_ATTEMPTS } from './host.js';

export const ATTEMPTS = [...HOST_ATTEMPTS];

/** Runs every attempt one after the other; a thrown error is a result too (its code or message). */
export async function runAttempts(host) {
  const context = {
    host,
    village: host.village.code,
    signedIn: (await host.api.me().catch(() => null)) !== null,
  };
  const results = { signedIn: context.signedIn };
  for (const attempt of ATTEMPTS) {
    try {
      results[attempt.name] = await attempt.run(context);
    } catch (error) {
      results[attempt.name] = { code: error?.code ?? `THROWN ${String(error?.message ?? error)}` };
    }
  }
  return results;
}

/**
 * Sign-in attempts per client address: at most 10 failures in 10 minutes, then the address
 * waits. Complements the per-account lockout (src/auth/accounts.ts), which stops guessing one
 * account's password from many addresses; this stops one address trying many accounts.
 * In memory, per process: a restart forgets, which only helps the user who was locked out.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** Milliseconds to wait before another attempt, or 0. */
  check(ip: string, now = Date.now()): number {
    const recent = (this.failures.get(ip) ?? []).filter((t) => t > now - this.windowMs);
    this.failures.set(ip, recent);
    if (recent.length < this.maxFailures) return 0;
    return recent[0] + this.windowMs - now;
  }

  failed(ip: string, now = Date.now()): void {
    const list = this.failures.get(ip) ?? [];
    list.push(now);
    this.failures.set(ip, list);
    if (this.failures.size > 50_000) this.failures.clear();
  }

  succeeded(ip: string): void {
    this.failures.delete(ip);
  }
}

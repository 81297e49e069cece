/** Policies whose analysis has started on this thread (see nextPolicy). */
let policies = 0;

/**
 * A policy's analysis starts (analyse-policy.ts): each PolicyMemo then drops
 * what neither this policy nor the one before it used.
 */
export function nextPolicy(): void {
  policies++;
}

/**
 * A memo of work on author texts (a Markdown parse, a text's HTML) that holds
 * what the policy being compiled and the one before it used, and no more than
 * `limit` entries for each: a policy's validator, checks and renderers reuse
 * each other's work, and so do consecutive policies that share texts (a base
 * they extend, a policy compiled again by serve or --watch), while a build of
 * hundreds of policies on one thread does not keep every text it has seen.
 */
export class PolicyMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private policy = policies;

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    this.rotate();
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const earlier = this.previous.get(key);
    if (earlier !== undefined) this.set(key, earlier);
    return earlier;
  }

  set(key: string, value: V): void {
    this.rotate();
    if (this.current.size >= this.limit) this.current.delete(this.current.keys().next().value!);
    this.current.set(key, value);
  }

  /** A new policy: what the last one used becomes the previous generation, and anything older goes. */
  private rotate(): void {
    if (this.policy === policies) return;
    this.previous = this.policy === policies - 1 ? this.current : new Map();
    this.current = new Map();
    this.policy = policies;
  }
}

// Remembers the last event ids seen, so that one event delivered twice is answered once.
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 10_000) {}

  /** True if the id was seen before; records it otherwise. */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.max) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return false;
  }
}

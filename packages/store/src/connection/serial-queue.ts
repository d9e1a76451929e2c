/**
 * Runs async work one piece at a time. SQLite has one writer and better-sqlite3 one
 * synchronous connection, so transactions on it are queued instead of interleaving
 * their statements on the shared connection.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

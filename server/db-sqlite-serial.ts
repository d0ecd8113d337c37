// Makes the SQLite driver adapter safe for concurrent use.
//
// @prisma/adapter-better-sqlite3 6.19 has one connection. It serialises
// transactions with a mutex, but a query made outside a transaction runs at
// once on that same connection — inside whatever transaction is open at the
// moment. Such a query would see another request's uncommitted writes, and a
// write (a rate-limit event, an outbox row marked sent) would be rolled back
// with that other transaction if it failed: "nothing lost" would not hold.
// This wrapper puts every statement outside a transaction behind the same
// lock as the transactions, so each runs on its own, between transactions.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

class Lock {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return acquired;
  }
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw' || property === 'executeScript') {
        return (argument: never) => exclusive(() => (target[property] as (value: never) => Promise<unknown>).call(target, argument));
      }
      if (property === 'startTransaction') {
        return async (isolationLevel?: never) => {
          const release = await lock.acquire();
          let transaction: Transaction;
          try {
            transaction = await target.startTransaction(isolationLevel);
          } catch (error) {
            release();
            throw error;
          }
          // The lock is held until the transaction ends, either way.
          const end = (method: 'commit' | 'rollback') => async () => {
            try {
              return await transaction[method]();
            } finally {
              release();
            }
          };
          return new Proxy(transaction, {
            get(inner, name, innerReceiver) {
              if (name === 'commit' || name === 'rollback') return end(name);
              const value = Reflect.get(inner, name, innerReceiver);
              return typeof value === 'function' ? value.bind(inner) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Wraps a SQLite adapter factory so every connection it makes is serialised as described above. */
export function serializeSqliteAdapter<T extends SqlMigrationAwareDriverAdapterFactory>(factory: T): T {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => serialize(await target.connect());
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

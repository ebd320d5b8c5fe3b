// The part of koa2-ratelimit (no published types) that a store of our own needs: Strapi's admin login limiter checks `store instanceof Stores.Store`.
declare module 'koa2-ratelimit' {
  /** What the limiter passes to a store: its options, with the interval already in milliseconds. */
  export interface StoreOptions {
    interval: number;
  }
  export const Stores: {
    Store: abstract new () => {
      incr(key: string, options: StoreOptions, weight: number): Promise<{ counter: number; dateEnd: number }>;
      decrement(key: string, options: StoreOptions, weight: number): void;
      saveAbuse(options: unknown): void;
    };
  };
}

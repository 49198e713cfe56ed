// Group commit for the hot path: calls made while earlier batches are in flight wait and go out
// together as one statement, so N concurrent provider callbacks cost one database round trip
// instead of N. An idle bridge adds no wait: a call with nothing in flight leaves at once (after
// the current microtask, so calls made in the same tick share it).

export interface Batcher<I, O> {
  run(item: I): Promise<O>;
}

/**
 * `execute` gets the queued items in arrival order and must return one result per item, in the
 * same order. A failed batch rejects every call in it.
 */
export function createBatcher<I, O>(
  execute: (items: I[]) => Promise<O[]>,
  options: { maxInFlight?: number; maxBatch?: number } = {},
): Batcher<I, O> {
  const maxInFlight = options.maxInFlight ?? 2;
  const maxBatch = options.maxBatch ?? 500;
  let queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxInFlight) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight += 1;
      execute(batch.map((entry) => entry.item))
        .then((results) => {
          if (results.length !== batch.length)
            throw new Error("a batch returned the wrong number of results");
          for (const [index, entry] of batch.entries()) entry.resolve(results[index] as O);
        })
        .catch((error: unknown) => {
          for (const entry of batch) entry.reject(error);
        })
        .finally(() => {
          inFlight -= 1;
          flush();
        });
    }
  };

  return {
    run(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled && inFlight < maxInFlight) {
          scheduled = true;
          queueMicrotask(flush);
        }
      });
    },
  };
}

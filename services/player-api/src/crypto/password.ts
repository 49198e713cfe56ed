// Password hashing with argon2id (memory-hard), in WebAssembly so it runs the same on Node and
// Deno. The encoded (PHC) string carries its own parameters, so raising the cost later only
// affects new hashes and old ones still verify. Cost calibration: docs/adr/0601.
import { argon2id, argon2Verify } from "hash-wasm";

export interface PasswordCost {
  memoryKiB: number;
  iterations: number;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
  /** Burns the same time as a verification, so unknown accounts cannot be told apart by timing. */
  verifyDummy(password: string): Promise<void>;
}

export function passwordHasher(cost: PasswordCost): PasswordHasher {
  const hash = (password: string) =>
    argon2id({
      password: password.normalize("NFC"),
      salt: crypto.getRandomValues(new Uint8Array(16)),
      parallelism: 1,
      iterations: cost.iterations,
      memorySize: cost.memoryKiB,
      hashLength: 32,
      outputType: "encoded",
    });
  let dummy: Promise<string> | undefined;
  return {
    hash,
    async verify(password, encoded) {
      try {
        return await argon2Verify({ password: password.normalize("NFC"), hash: encoded });
      } catch {
        return false;
      }
    },
    async verifyDummy(password) {
      dummy ??= hash("not a real password");
      await argon2Verify({ password: password.normalize("NFC"), hash: await dummy }).catch(() => false);
    },
  };
}

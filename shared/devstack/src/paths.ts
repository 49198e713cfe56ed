import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** Git-ignored folder for local state that survives restarts (database files, JetStream store, keys). */
export const dataRoot = process.env.CROUPIER_DATA_DIR ?? join(repoRoot, ".data");
/** Git-ignored folder for binaries the project builds or installs for itself. */
export const toolsBin = join(repoRoot, ".tools", "bin");

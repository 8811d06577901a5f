/** The real backend: a thin layer over the (generated) tauri-specta bindings. */
import { commands, type CommandError, type Result } from './bindings';
import { CommandFailure, type Backend } from './types';

async function unwrap<T>(pending: Promise<Result<T, CommandError>>): Promise<T> {
  const result = await pending;
  if (result.status === 'ok') return result.data;
  // A Rust side older than the UI rejects an unknown command with a bare string, not a CommandError.
  if (typeof result.error !== 'object' || result.error === null || !('code' in result.error)) throw new Error(String(result.error));
  throw new CommandFailure(result.error);
}

export function createTauriBackend(): Backend {
  return {
    appStart: () => unwrap(commands.appStart()),
    deviceSetLocale: (locale) => unwrap(commands.deviceSetLocale(locale)),
    categoriesList: () => unwrap(commands.categoriesList()),
    profilesList: () => unwrap(commands.profilesList()),
    profileCreate: (input) => unwrap(commands.profileCreate(input)),
    profileOpen: (id, pin) => unwrap(commands.profileOpen(id, pin)),
    profileClose: () => unwrap(commands.profileClose()),
    profileRename: (name) => unwrap(commands.profileRename(name)),
    profileSetAvatar: (avatar) => unwrap(commands.profileSetAvatar(avatar)),
    profileSetLocale: (locale) => unwrap(commands.profileSetLocale(locale)),
    profileDeletionImpact: () => unwrap(commands.profileDeletionImpact()),
    profileDelete: () => unwrap(commands.profileDelete()),
    draftsList: () => unwrap(commands.draftsList()),
    draftCreate: (kind) => unwrap(commands.draftCreate(kind)),
    draftGet: (id) => unwrap(commands.draftGet(id)),
    draftUpdate: (id, patch) => unwrap(commands.draftUpdate(id, patch)),
    draftDelete: (id) => unwrap(commands.draftDelete(id)),
    syncStatus: () => unwrap(commands.syncStatus()),
    syncNow: () => unwrap(commands.syncNow()),
    pairingCodeCreate: () => unwrap(commands.pairingCodeCreate()),
    pairingClaim: (code) => unwrap(commands.pairingClaim(code)),
  };
}

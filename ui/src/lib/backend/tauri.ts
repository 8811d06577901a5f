/** The real backend: a thin layer over the (generated) tauri-specta bindings. */
import { invoke } from '@tauri-apps/api/core';
import { commands, type CommandError, type Draft, type Result } from './bindings';
import { CommandFailure, type Backend } from './types';

async function unwrap<T>(pending: Promise<Result<T, CommandError>>): Promise<T> {
  const result = await pending;
  if (result.status === 'ok') return result.data;
  // A Rust side older than the UI rejects an unknown command with a bare string, not a CommandError.
  if (typeof result.error !== 'object' || result.error === null || !('code' in result.error)) throw new Error(String(result.error));
  throw new CommandFailure(result.error);
}

/** A raw command (bytes in or out) rejects with the bare CommandError: the same failure as the others. */
async function raw<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'code' in e && 'message' in e) throw new CommandFailure(e as CommandError);
    throw e instanceof Error ? e : new Error(String(e));
  }
}

/** The samples as bytes, little-endian whatever the platform's own order (Rust reads them so). */
function littleEndian(pcm: Int16Array): Uint8Array {
  const bytes = new Uint8Array(pcm.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < pcm.length; i++) view.setInt16(i * 2, pcm[i], true);
  return bytes;
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
    draftSend: (id) => unwrap(commands.draftSend(id)),
    draftDelete: (id) => unwrap(commands.draftDelete(id)),
    // Raw bytes in: the draft goes in a header, the body is the file itself.
    draftAttachPhoto: (id, bytes) => raw(invoke<Draft>('draft_attach_photo', bytes, { headers: { 'x-draft': id } })),
    draftRemovePhoto: (id, hash) => unwrap(commands.draftRemovePhoto(id, hash)),
    // Raw bytes in: the recording as 16-bit little-endian samples, not megabytes of JSON numbers.
    draftAttachVoice: (id, pcm, sampleRate) =>
      raw(invoke<Draft>('draft_attach_voice', littleEndian(pcm), { headers: { 'x-draft': id, 'x-sample-rate': String(sampleRate) } })),
    draftRemoveVoice: (id) => unwrap(commands.draftRemoveVoice(id)),
    draftSetLocation: (id, point) => unwrap(commands.draftSetLocation(id, point)),
    draftAddMessage: (id, text) => unwrap(commands.draftAddMessage(id, text)),
    attachmentGet: async (hash) => new Uint8Array(await raw(invoke<ArrayBuffer>('attachment_get', { hash }))),
    placesGet: () => unwrap(commands.placesGet()),
    newsList: () => unwrap(commands.newsList()),
    syncStatus: () => unwrap(commands.syncStatus()),
    syncNow: () => unwrap(commands.syncNow()),
    pairingCodeCreate: () => unwrap(commands.pairingCodeCreate()),
    pairingClaim: (code) => unwrap(commands.pairingClaim(code)),
    lessonsList: () => unwrap(commands.lessonsList()),
    lessonGet: (id) => unwrap(commands.lessonGet(id)),
    lessonSeeStep: (id, step) => unwrap(commands.lessonSeeStep(id, step)),
    lessonAnswer: (id, question, choice) => unwrap(commands.lessonAnswer(id, question, choice)),
    lessonFinish: (id) => unwrap(commands.lessonFinish(id)),
    formsList: () => unwrap(commands.formsList()),
    formGet: (id) => unwrap(commands.formGet(id)),
    practiceStart: (formId) => unwrap(commands.practiceStart(formId)),
    practiceCheckPage: (formId, attemptId, page, values) => unwrap(commands.practiceCheckPage(formId, attemptId, page, values)),
    practiceFinish: (formId, attemptId) => unwrap(commands.practiceFinish(formId, attemptId)),
    // Raw bytes: Tauri answers with an ArrayBuffer, not JSON.
    mediaGet: async (hash) => new Uint8Array(await invoke<ArrayBuffer>('media_get', { hash })),
    volunteerStatus: () => unwrap(commands.volunteerStatus()),
    volunteerLink: (username, password) => unwrap(commands.volunteerLink(username, password)),
    sessionsList: () => unwrap(commands.sessionsList()),
    sessionGet: (id) => unwrap(commands.sessionGet(id)),
    sessionCreate: (plan) => unwrap(commands.sessionCreate(plan)),
    sessionSetPlan: (id, plan) => unwrap(commands.sessionSetPlan(id, plan)),
    sessionRegister: (id, person, facts) => unwrap(commands.sessionRegister(id, person, facts)),
    sessionRegisterNew: (id, person, facts) => unwrap(commands.sessionRegisterNew(id, person, facts)),
    sessionSetPresent: (id, person, present) => unwrap(commands.sessionSetPresent(id, person, present)),
    sessionUnregister: (id, person) => unwrap(commands.sessionUnregister(id, person)),
    sessionRecordLearning: (id, person) => unwrap(commands.sessionRecordLearning(id, person)),
    sessionSetNote: (id, note) => unwrap(commands.sessionSetNote(id, note)),
    helpersList: () => unwrap(commands.helpersList()),
    draftSetAssisted: (id, volunteer) => unwrap(commands.draftSetAssisted(id, volunteer)),
    draftRecordConsent: (id) => unwrap(commands.draftRecordConsent(id)),
    // Raw bytes in, like a voice note: the spoken "yes" as 16-bit little-endian samples.
    draftRecordConsentVoice: (id, pcm, sampleRate) =>
      raw(invoke<Draft>('draft_record_consent_voice', littleEndian(pcm), { headers: { 'x-draft': id, 'x-sample-rate': String(sampleRate) } })),
    draftWithdrawConsent: (id) => unwrap(commands.draftWithdrawConsent(id)),
    helpedRequestsList: () => unwrap(commands.helpedRequestsList()),
    helpedRequestGet: (id) => unwrap(commands.helpedRequestGet(id)),
    assessmentInstrumentGet: () => unwrap(commands.assessmentInstrumentGet()),
    assessmentStart: (takenBy) => unwrap(commands.assessmentStart(takenBy)),
    assessmentRate: (id, item, rating) => unwrap(commands.assessmentRate(id, item, rating)),
    assessmentObserve: (id, task, done) => unwrap(commands.assessmentObserve(id, task, done)),
    assessmentFinish: (id) => unwrap(commands.assessmentFinish(id)),
    assessmentsList: () => unwrap(commands.assessmentsList()),
    assessmentCompare: (before, after) => unwrap(commands.assessmentCompare(before, after)),
    assessmentsTakenList: () => unwrap(commands.assessmentsTakenList()),
  };
}

use super::*;
use crate::{
    locale::Locale,
    profile::{self, Avatar, Profile},
    submission::{SubmissionKind, SubmissionPatch},
    sync::{heads_of, upload},
};
use automerge::transaction::Transactable;

const MAX: usize = 1 << 20;

fn new_profile() -> (ProfileId, AutoCommit) {
    let id = ProfileId::random();
    (
        id,
        profile::new_document(&Profile {
            name: "Drita".into(),
            avatar: Avatar::Sun,
            locale: Locale::Sq,
            created_at: 1,
        }),
    )
}

fn new_draft(owner: ProfileId) -> (DocId, AutoCommit) {
    (DocId::random(), submission::new_document(owner, SubmissionKind::Problem, 1))
}

fn first_upload(id: DocId, doc: &mut AutoCommit) -> DocUpload {
    upload(id, doc, &[]).unwrap()
}

#[test]
fn a_new_profile_belongs_to_the_device_that_brings_it() {
    let (pid, mut doc) = new_profile();
    let accepted = accept(&first_upload(pid.doc(), &mut doc), None, &[], MAX).ok().unwrap();
    assert_eq!(accepted.new_profile, Some(pid));
    assert_eq!(accepted.meta, DocMeta { kind: DocKind::Profile, owner: Some(pid) });
    assert!(!accepted.new_changes.is_empty());
}

#[test]
fn a_profile_writes_its_own_drafts_and_nobody_elses() {
    let (mine, _) = new_profile();
    let (theirs, _) = new_profile();
    let (id, mut doc) = new_draft(mine);
    let up = first_upload(id, &mut doc);
    let accepted = accept(&up, None, &[mine], MAX).ok().unwrap();
    assert_eq!(accepted.new_profile, None);
    assert_eq!(
        accept(&up, None, &[theirs], MAX).err(),
        Some(Refusal::Forbidden),
        "creating a draft for another profile"
    );

    // Stored now; another device edits it.
    let stored = (accepted.doc, accepted.meta);
    let mut forged = doc.fork();
    submission::apply(&mut forged, &SubmissionPatch { text: Some("overwritten".into()), ..Default::default() }, 9)
        .unwrap();
    let attack = upload(id, &mut forged, &up.heads).unwrap();
    let refused = accept(&attack, Some((stored.0.clone(), stored.1)), &[theirs], MAX).err();
    assert_eq!(refused, Some(Refusal::Forbidden));
    let heads_only = DocUpload { id, heads: up.heads.clone(), changes: vec![] };
    assert_eq!(
        accept(&heads_only, Some((stored.0.clone(), stored.1)), &[theirs], MAX).err(),
        Some(Refusal::Forbidden),
        "not even reading: the same answer as for a document that does not exist"
    );
    assert_eq!(accept(&heads_only, None, &[theirs], MAX).err(), Some(Refusal::Forbidden));
    assert!(accept(&attack, Some(stored), &[mine], MAX).is_ok(), "the owner's devices may");
}

#[test]
fn ownership_is_fixed_at_creation() {
    let (mine, _) = new_profile();
    let (theirs, _) = new_profile();
    let (id, mut doc) = new_draft(mine);
    let up = first_upload(id, &mut doc);
    let stored = accept(&up, None, &[mine, theirs], MAX).ok().unwrap();
    // A device holding both profiles moves the draft to the other one.
    let mut moved = doc.fork();
    use automerge::transaction::Transactable;
    moved.put(automerge::ROOT, "profile", theirs.to_string()).unwrap();
    let attack = upload(id, &mut moved, &up.heads).unwrap();
    assert_eq!(accept(&attack, Some((stored.doc, stored.meta)), &[mine, theirs], MAX).err(), Some(Refusal::Forbidden));
}

#[test]
fn a_resend_of_known_changes_is_harmless_and_writes_nothing() {
    let (mine, _) = new_profile();
    let (id, mut doc) = new_draft(mine);
    let up = first_upload(id, &mut doc);
    let stored = accept(&up, None, &[mine], MAX).ok().unwrap();
    let again = accept(&up, Some((stored.doc, stored.meta)), &[mine], MAX).ok().unwrap();
    assert!(again.new_changes.is_empty(), "nothing new to store");
}

#[test]
fn malformed_oversized_and_orphaned_uploads_are_refused() {
    let (mine, _) = new_profile();
    let id = DocId::random();
    let garbage = DocUpload { id, heads: vec![], changes: b"\x85\x6f\x4a\x83 not automerge".to_vec() };
    assert_eq!(accept(&garbage, None, &[mine], MAX).err(), Some(Refusal::Malformed));

    // A document that is not one of ours at all.
    let mut stray = AutoCommit::new();
    use automerge::transaction::Transactable;
    stray.put(automerge::ROOT, "type", "spaceship").unwrap();
    assert_eq!(accept(&first_upload(id, &mut stray), None, &[mine], MAX).err(), Some(Refusal::Malformed));

    let (id, mut doc) = new_draft(mine);
    let mut seed = 99u32;
    let noise: String = (0..5000)
        .map(|_| {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            char::from(b'a' + (seed >> 24) as u8 % 26)
        })
        .collect();
    submission::apply(&mut doc, &SubmissionPatch { text: Some(noise), ..Default::default() }, 2).unwrap();
    assert_eq!(accept(&first_upload(id, &mut doc), None, &[mine], 1000).err(), Some(Refusal::TooLarge));

    // Changes on history the server lacks.
    let base = heads_of(&mut doc);
    submission::apply(&mut doc, &SubmissionPatch { text: Some("y".into()), ..Default::default() }, 3).unwrap();
    let orphan = upload(id, &mut doc, &base).unwrap();
    assert_eq!(accept(&orphan, None, &[mine], MAX).err(), Some(Refusal::ResendAll));
}

#[test]
fn reading_and_following_rules() {
    let (mine, _) = new_profile();
    let (theirs, _) = new_profile();
    let own = DocMeta { kind: DocKind::Submission, owner: Some(mine) };
    assert!(may_read(&own, &[mine]) && may_write(&own, &[mine]));
    assert!(!may_read(&own, &[theirs]) && !may_write(&own, &[theirs]));
    assert!(may_follow(Scope::Public, &[]));
    assert!(may_follow(Scope::Profile(mine), &[mine]) && !may_follow(Scope::Profile(mine), &[theirs]));
    assert_eq!(own.scope(), Scope::Profile(mine));
}

#[test]
fn no_device_writes_a_lesson_or_form_even_one_it_reads() {
    use crate::content::{self, Edition};
    let (pid, _) = new_profile();
    let edition = Edition { revision: 1, body: "{}".into(), media: Default::default() };
    let id = content::doc_id(DocKind::Lesson, "keyboard");
    let mut published = content::new_document(DocKind::Lesson, "keyboard", &edition);
    let meta = DocMeta { kind: DocKind::Lesson, owner: None };
    assert!(may_read(&meta, &[]), "every device reads lessons");
    // A device that brings a lesson of its own making, new to the server: refused.
    let brought = first_upload(id, &mut published.fork());
    assert_eq!(accept(&brought, None, &[pid], MAX).err(), Some(Refusal::Forbidden));
    // A device that changes the published lesson: refused, nothing applied.
    let mut forged = published.fork();
    content::publish(&mut forged, &Edition { revision: 2, body: "{\"forged\":1}".into(), media: Default::default() })
        .unwrap();
    let attack = upload(id, &mut forged, &heads_of(&mut published)).unwrap();
    assert_eq!(accept(&attack, Some((published.fork(), meta)), &[pid], MAX).err(), Some(Refusal::Forbidden));
    // Reporting heads it has is fine: that is how a device says it holds the bundled edition.
    let report = DocUpload { id, heads: heads_of(&mut published), changes: Vec::new() };
    let accepted = accept(&report, Some((published.fork(), meta)), &[pid], MAX).ok().unwrap();
    assert!(accepted.new_changes.is_empty());
}

#[test]
fn a_progress_record_is_written_by_its_profile_only() {
    use crate::progress;
    let (mine, _) = new_profile();
    let (theirs, _) = new_profile();
    let id = progress::doc_id(mine);
    let mut doc = progress::new_document(mine);
    progress::see_step(&mut doc, "keyboard", 0, 1);
    let up = first_upload(id, &mut doc);
    assert_eq!(accept(&up, None, &[theirs], MAX).err(), Some(Refusal::Forbidden), "someone else's record");
    let accepted = accept(&up, None, &[mine], MAX).ok().unwrap();
    assert_eq!(accepted.meta, DocMeta { kind: DocKind::Progress, owner: Some(mine) });
    assert!(!may_read(&accepted.meta, &[theirs]), "nobody else reads it");
}

#[test]
fn no_device_writes_an_answer_not_even_the_author() {
    use crate::answer::{self, AnswerStatus};
    let (author, _) = new_profile();
    let (submission, _) = new_draft(author);
    let id = answer::doc_id(submission);
    let mut forged = answer::new_document(submission, author);
    answer::set_status(&mut forged, AnswerStatus::Fixed, None);
    let up = first_upload(id, &mut forged);
    assert_eq!(accept(&up, None, &[author], MAX).err(), Some(Refusal::Forbidden), "an author cannot answer themself");
    // The server's own answer, stored: the author reads it and still cannot change it.
    let mut real = answer::new_document(submission, author);
    let meta = meta_of(id, &real).unwrap();
    assert_eq!(meta, DocMeta { kind: DocKind::Answer, owner: Some(author) });
    assert!(may_read(&meta, &[author]));
    let mut edited = real.fork();
    answer::add_reply(&mut edited, "Me", "Closing it myself.", 5);
    let attack = upload(id, &mut edited, &heads_of(&mut real)).unwrap();
    assert_eq!(accept(&attack, Some((real.fork(), meta)), &[author], MAX).err(), Some(Refusal::Forbidden));
}

#[test]
fn a_sent_submission_takes_messages_and_nothing_else() {
    let (author, _) = new_profile();
    let (id, mut doc) = new_draft(author);
    let patch = SubmissionPatch {
        text: Some("The bridge rail is broken.".into()),
        category: Some(Some("roads".into())),
        ..Default::default()
    };
    submission::apply(&mut doc, &patch, 2).unwrap();
    let mut before_send = doc.fork();
    submission::send(&mut doc, 3).unwrap();
    let stored = accept(&first_upload(id, &mut doc), None, &[author], MAX).ok().unwrap();
    let meta = stored.meta;
    let mut stored = stored.doc;

    // Adding a message to the conversation is accepted.
    let mut replying = stored.fork();
    submission::add_message(&mut replying, "It got worse after the rain.", 10).unwrap();
    let up = upload(id, &mut replying, &heads_of(&mut stored)).unwrap();
    let accepted = accept(&up, Some((stored.fork(), meta)), &[author], MAX)
        .unwrap_or_else(|r| panic!("a message may be added, not {r:?}"));
    assert_eq!(submission::read(&accepted.doc).unwrap().messages.len(), 1);

    // Editing the text of a sent submission, even by its author, is refused whatever the device sends.
    let mut forged = stored.fork();
    let text = crate::documents::text_obj(&forged, "text").unwrap();
    forged.update_text(&text, "Something else entirely.").unwrap();
    let attack = upload(id, &mut forged, &heads_of(&mut stored)).unwrap();
    assert_eq!(accept(&attack, Some((stored.fork(), meta)), &[author], MAX).err(), Some(Refusal::Forbidden));

    // Nor may it be put back to a draft, or its photos changed.
    let mut unsent = stored.fork();
    unsent.put(automerge::ROOT, "status", "draft").unwrap();
    let attack = upload(id, &mut unsent, &heads_of(&mut stored)).unwrap();
    assert_eq!(accept(&attack, Some((stored.fork(), meta)), &[author], MAX).err(), Some(Refusal::Forbidden));

    // An edit made on another device before it learned of the send would merge into a changed
    // text: refused too, so what the municipality read stays what was sent.
    let mut elsewhere = before_send.fork();
    let text = crate::documents::text_obj(&elsewhere, "text").unwrap();
    elsewhere.update_text(&text, "The bridge rail is fixed now, never mind.").unwrap();
    let late = upload(id, &mut elsewhere, &heads_of(&mut before_send)).unwrap();
    assert_eq!(accept(&late, Some((stored.fork(), meta)), &[author], MAX).err(), Some(Refusal::Forbidden));
}

#[test]
fn announcements_and_categories_are_public_and_written_by_the_server_alone() {
    use crate::{announcement, categories, i18n::Messages};
    let (pid, _) = new_profile();
    let id = DocId::random();
    let mut forged = announcement::new_document(id, &[(Locale::Sq, "T".into(), "X".into())], None, 1);
    let meta = meta_of(id, &forged).unwrap();
    assert_eq!(meta, DocMeta { kind: DocKind::Announcement, owner: None });
    assert!(may_read(&meta, &[]), "everyone reads announcements");
    assert_eq!(accept(&first_upload(id, &mut forged), None, &[pid], MAX).err(), Some(Refusal::Forbidden));

    let mut list = categories::new_document(&categories::default_list(Messages::embedded()));
    let cid = categories::doc_id();
    assert_eq!(meta_of(cid, &list).unwrap(), DocMeta { kind: DocKind::Categories, owner: None });
    let mut edited = list.fork();
    let mut changed = categories::read(&edited).unwrap();
    changed.items[0].retired = true;
    categories::write(&mut edited, &changed);
    let attack = upload(cid, &mut edited, &heads_of(&mut list)).unwrap();
    let meta = DocMeta { kind: DocKind::Categories, owner: None };
    assert_eq!(accept(&attack, Some((list.fork(), meta)), &[pid], MAX).err(), Some(Refusal::Forbidden));
}

#[test]
fn an_assisted_request_needs_consent_and_its_author_may_withdraw_it_after_sending() {
    use crate::session::ConsentBy;
    let (resident, _) = new_profile();
    let (volunteer, _) = new_profile();
    let (id, mut doc) = new_draft(resident);
    let patch = SubmissionPatch {
        text: Some("Nuk kemi ujë.".into()),
        category: Some(Some("water".into())),
        ..Default::default()
    };
    submission::apply(&mut doc, &patch, 2).unwrap();
    assert_eq!(
        submission::record_consent(&mut doc, ConsentBy::Tap, None, 3),
        Err(submission::PatchError::Input(crate::limits::InputError::NotAssisted))
    );
    submission::set_assisted(&mut doc, volunteer, "arben", 3).unwrap();
    assert_eq!(
        submission::send(&mut doc, 4),
        Err(submission::PatchError::Input(crate::limits::InputError::ConsentMissing)),
        "no consent, no sending"
    );
    assert!(
        submission::record_consent(&mut doc, ConsentBy::Voice, None, 4).is_err(),
        "a spoken yes needs its recording"
    );
    submission::record_consent(&mut doc, ConsentBy::Voice, Some(crate::blobs::BlobHash::of(b"po")), 4).unwrap();
    submission::send(&mut doc, 5).unwrap();
    let read = submission::read(&doc).unwrap();
    let assisted = read.assisted.unwrap();
    assert!(assisted.consent_stands() && assisted.by == volunteer && assisted.name == "arben");

    let stored = accept(&first_upload(id, &mut doc), None, &[resident], MAX).ok().unwrap();
    let (meta, mut stored) = (stored.meta, stored.doc);
    // Withdrawing consent is a change a sent request takes.
    let mut withdrawn = stored.fork();
    assert!(submission::withdraw_consent(&mut withdrawn, 9).unwrap());
    let up = upload(id, &mut withdrawn, &heads_of(&mut stored)).unwrap();
    let accepted = accept(&up, Some((stored.fork(), meta)), &[resident], MAX)
        .unwrap_or_else(|r| panic!("withdrawing consent is allowed, not {r:?}"));
    assert!(!submission::read(&accepted.doc).unwrap().assisted.unwrap().consent_stands());
    // Changing who helped, after sending, is not.
    let mut forged = stored.fork();
    let obj = match automerge::ReadDoc::get(&forged, automerge::ROOT, "assisted").unwrap() {
        Some((automerge::Value::Object(_), obj)) => obj,
        other => panic!("assisted is a map, not {other:?}"),
    };
    forged.put(&obj, "name", "someone else").unwrap();
    let attack = upload(id, &mut forged, &heads_of(&mut stored)).unwrap();
    assert_eq!(accept(&attack, Some((stored.fork(), meta)), &[resident], MAX).err(), Some(Refusal::Forbidden));
}

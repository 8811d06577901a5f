use mcommunity_client::{device::Device, view::DraftPatch};
use mcommunity_core::{errors::ErrorCode, limits, locale::Locale, submission::SubmissionKind};

use crate::support::{code, device_with, new_profile};

fn text(s: &str) -> DraftPatch {
    DraftPatch { text: Some(s.into()), ..Default::default() }
}

#[test]
fn a_draft_is_written_listed_reopened_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Drita");
    let first = device.create_draft(SubmissionKind::Problem).unwrap();
    let second = device.create_draft(SubmissionKind::Question).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let words = "Drita nga Fushë-Arrëza: rruga për në shkollë ka gropa   të mëdha\n\nqë nga dimri. Fëmijët ecin në baltë çdo ditë dhe makinat nuk kalojnë dot.";
    device
        .update_draft(
            &first.id,
            DraftPatch {
                title: Some("Gropa në rrugë".into()),
                category: Some("roads".into()),
                kind: Some(SubmissionKind::Complaint),
                text: Some(words.into()),
            },
        )
        .unwrap();

    let list = device.drafts().unwrap();
    assert_eq!(
        list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        [first.id.as_str(), second.id.as_str()],
        "newest change first"
    );
    assert_eq!(list[0].title, "Gropa në rrugë");
    assert!(
        list[0].preview.starts_with("Drita nga Fushë-Arrëza: rruga për në shkollë ka gropa të mëdha që"),
        "{}",
        list[0].preview
    );
    assert!(list[0].preview.ends_with('…') && !list[0].preview.contains('\n'));

    drop(device);
    let device = Device::open(dir.path()).unwrap();
    let draft = device.draft(&first.id).unwrap();
    assert_eq!(
        (draft.kind, draft.category.as_deref(), draft.title.as_str(), draft.text.as_str()),
        (SubmissionKind::Complaint, Some("roads"), "Gropa në rrugë", words),
        "every word is still there after a restart"
    );
}

#[test]
fn editing_in_the_middle_keeps_the_rest_and_clearing_a_category_works() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Drita");
    let d = device.create_draft(SubmissionKind::Request).unwrap();
    device.update_draft(&d.id, DraftPatch { category: Some("water".into()), ..text("Ujë nuk ka.") }).unwrap();
    device.update_draft(&d.id, DraftPatch { category: Some(String::new()), ..text("Ujë i pijshëm nuk ka.") }).unwrap();
    let draft = device.draft(&d.id).unwrap();
    assert_eq!((draft.text.as_str(), draft.category), ("Ujë i pijshëm nuk ka.", None));
}

#[test]
fn a_refused_edit_changes_nothing_and_says_which_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Drita");
    device.set_profile_locale(Locale::En).unwrap();
    let d = device.create_draft(SubmissionKind::Problem).unwrap();
    device.update_draft(&d.id, text("kept")).unwrap();
    let too_long = "x".repeat(limits::TEXT_MAX_CHARS + 1);
    let check = |device: &mut Device, patch: DraftPatch, field: &str| {
        let err = device.update_draft(&d.id, patch).unwrap_err();
        let shown = device.command_error(&err);
        assert_eq!((shown.code, shown.field.as_deref()), (ErrorCode::InvalidInput, Some(field)), "{}", shown.message);
        assert_eq!(device.draft(&d.id).unwrap().text, "kept");
    };
    check(&mut device, DraftPatch { title: Some("new".into()), ..text(&too_long) }, "text");
    check(&mut device, DraftPatch { category: Some("mars".into()), ..text("changed") }, "category");
    check(
        &mut device,
        DraftPatch { title: Some("t".repeat(limits::TITLE_MAX_CHARS + 1)), ..Default::default() },
        "title",
    );
    assert_eq!(device.draft(&d.id).unwrap().title, "");
}

#[test]
fn one_profiles_drafts_never_show_in_or_yield_to_another() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, drita) = device_with(dir.path(), "Drita");
    let secret = device.create_draft(SubmissionKind::Complaint).unwrap();
    device.update_draft(&secret.id, text("private words")).unwrap();
    device.create_profile(&new_profile("Arben", None)).unwrap();

    assert!(device.drafts().unwrap().is_empty(), "Arben's list is empty");
    assert_eq!(code(device.draft(&secret.id)), ErrorCode::NotFound);
    assert_eq!(code(device.update_draft(&secret.id, text("overwritten"))), ErrorCode::NotFound);
    assert_eq!(code(device.delete_draft(&secret.id)), ErrorCode::NotFound);
    assert_eq!(code(device.draft("not-an-id")), ErrorCode::NotFound);
    assert_eq!(code(device.draft(&drita.id)), ErrorCode::NotFound, "a profile is not a draft");

    device.open_profile(&drita.id, None).unwrap();
    assert_eq!(device.draft(&secret.id).unwrap().text, "private words", "untouched by Arben's attempts");
    device.delete_draft(&secret.id).unwrap();
    assert!(device.drafts().unwrap().is_empty());
    assert_eq!(code(device.draft(&secret.id)), ErrorCode::NotFound);
}

#[test]
fn without_an_open_profile_nothing_is_shown_or_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Drita");
    let d = device.create_draft(SubmissionKind::Problem).unwrap();
    device.close_profile().unwrap();
    assert_eq!(code(device.drafts()), ErrorCode::NoActiveProfile);
    assert_eq!(code(device.create_draft(SubmissionKind::Problem)), ErrorCode::NoActiveProfile);
    assert_eq!(code(device.update_draft(&d.id, text("x"))), ErrorCode::NoActiveProfile);
    assert_eq!(code(device.delete_profile()), ErrorCode::NoActiveProfile);
}

#[test]
fn a_full_disk_reports_a_clear_message_and_keeps_the_saved_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Drita");
    let d = device.create_draft(SubmissionKind::Problem).unwrap();
    device.update_draft(&d.id, text("saved before")).unwrap();
    device.store().cap_size(device.store().size_bytes().unwrap()).unwrap();
    let mut seed = 7u32;
    let noise: String = (0..15_000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from(b'a' + ((seed >> 16) % 26) as u8)
        })
        .collect();
    let err = device.update_draft(&d.id, text(&noise)).unwrap_err();
    let shown = device.command_error(&err);
    assert_eq!(shown.code, ErrorCode::DiskFull);
    assert!(shown.message.contains("plot"), "Albanian: the memory is full: {}", shown.message);
    assert_eq!(device.draft(&d.id).unwrap().text, "saved before");
    assert_eq!(device.drafts().unwrap().len(), 1, "the list still works");
}

#[test]
fn a_draft_is_sent_once_it_says_something_and_then_no_longer_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Drita");
    let d = device.create_draft(SubmissionKind::Problem).unwrap();
    let empty = device.send_draft(&d.id).unwrap_err();
    let shown = device.command_error(&empty);
    assert_eq!((shown.code, shown.field.as_deref()), (ErrorCode::InvalidInput, Some("text")), "nothing to send yet");
    device.update_draft(&d.id, text("Drita e rrugës nuk punon.")).unwrap();
    let no_topic = device.send_draft(&d.id).unwrap_err();
    let shown = device.command_error(&no_topic);
    assert_eq!(shown.field.as_deref(), Some("category"), "{}", shown.message);
    let category = DraftPatch { category: Some("roads".into()), ..Default::default() };
    device.update_draft(&d.id, category).unwrap();

    let sent = device.send_draft(&d.id).unwrap();
    assert!(sent.sent_at.is_some());
    assert!(device.drafts().unwrap()[0].sent_at.is_some(), "the list shows it sent");
    let edit = device.update_draft(&d.id, text("something else")).unwrap_err();
    assert_eq!(device.command_error(&edit).field.as_deref(), Some("status"));
    assert_eq!(code(device.delete_draft(&d.id)), ErrorCode::InvalidInput, "a sent request is kept");
    assert_eq!(device.send_draft(&d.id).unwrap().sent_at, sent.sent_at, "sending again changes nothing");
    // After a restart it is still sent, with its text.
    drop(device);
    let mut device = Device::open(dir.path()).unwrap();
    let again = device.draft(&d.id).unwrap();
    assert_eq!((again.text.as_str(), again.sent_at), ("Drita e rrugës nuk punon.", sent.sent_at));
    assert_eq!(code(device.send_draft("not-an-id")), ErrorCode::NotFound);
}

/// A photo as a phone's camera app hands it over (PNG here, of a given colour and size).
fn camera_picture(shade: u8, width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([shade, (x % 251) as u8, (y % 241) as u8]));
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        picture.as_raw(),
        width,
        height,
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    png
}

#[test]
fn photos_are_shrunk_kept_for_their_person_and_closed_with_the_request() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Drita");
    let d = device.create_draft(SubmissionKind::Problem).unwrap();
    let with_photo = device.attach_photo(&d.id, &camera_picture(10, 2400, 1800)).unwrap();
    assert_eq!(with_photo.photos.len(), 1);
    assert_eq!(with_photo.photos[0].mime, "image/jpeg");
    let kept = device.attachment(&with_photo.photos[0].hash).unwrap();
    assert!(kept.len() <= mcommunity_client::photos::MAX_BYTES);
    let back = image::load_from_memory(&kept).unwrap();
    assert_eq!((back.width(), back.height()), (1600, 1200));

    let not_a_photo = device.attach_photo(&d.id, b"%PDF-1.4 not a picture").unwrap_err();
    assert_eq!(device.command_error(&not_a_photo).field.as_deref(), Some("photos"));
    for shade in 11..15 {
        device.attach_photo(&d.id, &camera_picture(shade, 64, 48)).unwrap();
    }
    let sixth = device.attach_photo(&d.id, &camera_picture(99, 64, 48)).unwrap_err();
    let shown = device.command_error(&sixth);
    assert_eq!(shown.field.as_deref(), Some("photos"), "{}", shown.message);
    let fewer = device.remove_photo(&d.id, &with_photo.photos[0].hash).unwrap();
    assert_eq!(fewer.photos.len(), 4);

    // Another person on the same laptop cannot open Drita's photos.
    let hash = fewer.photos[0].hash.clone();
    device.create_profile(&new_profile("Arben", None)).unwrap();
    assert_eq!(code(device.attachment(&hash)), ErrorCode::NotFound);

    // A photo and a topic are a request; once sent, no photo comes or goes.
    device
        .open_profile(&device.profiles().unwrap().iter().find(|p| p.name == "Drita").unwrap().id.clone(), None)
        .unwrap();
    device.update_draft(&d.id, DraftPatch { category: Some("roads".into()), ..Default::default() }).unwrap();
    device.send_draft(&d.id).unwrap();
    assert_eq!(code(device.attach_photo(&d.id, &camera_picture(50, 64, 48))), ErrorCode::InvalidInput);
    assert_eq!(code(device.remove_photo(&d.id, &hash)), ErrorCode::InvalidInput);
    assert!(!device.attachment(&hash).unwrap().is_empty(), "the sent request keeps its photos");
}

/// A second of a voice-like sound at 16 kHz: a wavering tone with its harmonics.
fn speech_like(seconds: u32) -> Vec<i16> {
    (0..16_000 * seconds)
        .map(|i| {
            let t = i as f64 / 16_000.0;
            let pitch = 140.0 + 30.0 * (t * 3.0).sin();
            let s: f64 = (1..5).map(|h| (t * pitch * h as f64 * std::f64::consts::TAU).sin() / h as f64).sum();
            (s * 6_000.0) as i16
        })
        .collect()
}

#[test]
fn a_voice_note_and_a_category_alone_make_a_request_and_a_re_recording_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Mrika");
    let draft = device.create_draft(SubmissionKind::Problem).unwrap();
    device.update_draft(&draft.id, DraftPatch { category: Some("water".into()), ..Default::default() }).unwrap();
    assert_eq!(code(device.send_draft(&draft.id)), ErrorCode::InvalidInput, "nothing to say yet");

    let first = device.attach_voice(&draft.id, &speech_like(3), 16_000).unwrap();
    let voice = first.voice.clone().expect("the draft names its voice note");
    assert_eq!((voice.seconds, voice.media.mime.as_str()), (3, "audio/ogg"));
    let bytes = device.attachment(&voice.media.hash).unwrap();
    assert_eq!(bytes.len() as u32, voice.bytes);
    assert_eq!(mcommunity_client::voice::seconds_of(&bytes).unwrap(), 3, "the kept note plays for as long");

    let second = device.attach_voice(&draft.id, &speech_like(2), 16_000).unwrap();
    let replaced = second.voice.expect("a re-recording is kept");
    assert_ne!(replaced.media.hash, voice.media.hash);
    assert_eq!(replaced.seconds, 2);

    let too_long = vec![0i16; 16_000 * (limits::MAX_VOICE_SECONDS as usize + 2)];
    let refused = device.attach_voice(&draft.id, &too_long, 16_000).unwrap_err();
    assert_eq!(device.command_error(&refused).field.as_deref(), Some("voice"));
    assert_eq!(
        device.draft(&draft.id).unwrap().voice.map(|v| v.media.hash),
        Some(replaced.media.hash.clone()),
        "a refused recording changes nothing"
    );

    let sent = device.send_draft(&draft.id).unwrap();
    assert!(sent.sent_at.is_some(), "a voice note and a category are enough to send");
    assert_eq!(
        sent.category_name.as_deref(),
        Some(mcommunity_core::i18n::Messages::embedded().format(Locale::Sq, "category-water", &[]).as_str())
    );
    assert_eq!(code(device.remove_voice(&draft.id)), ErrorCode::InvalidInput, "a sent request keeps its voice note");
}

#[test]
fn a_place_inside_the_municipality_is_kept_with_its_village_and_one_outside_is_refused() {
    use mcommunity_client::view::Point;
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Gjon");
    let draft = device.create_draft(SubmissionKind::Problem).unwrap();
    let places = device.places();
    assert_eq!(places.villages[0].name, "Fushë-Arrëz");

    let near_fierze = Point { lat: 42.251, lon: 20.037 };
    let placed = device.set_draft_location(&draft.id, Some(near_fierze)).unwrap();
    let at = placed.location.expect("the place is kept");
    assert_eq!((at.village.as_str(), at.village_name.as_str()), ("fierze", "Fierzë"));
    assert_eq!((at.lat, at.lon), (42.251, 20.037));

    let tirana = Point { lat: 41.33, lon: 19.82 };
    let refused = device.set_draft_location(&draft.id, Some(tirana)).unwrap_err();
    assert_eq!(device.command_error(&refused).field.as_deref(), Some("location"));
    assert_eq!(device.draft(&draft.id).unwrap().location.map(|l| l.village), Some("fierze".into()));

    assert!(device.set_draft_location(&draft.id, None).unwrap().location.is_none(), "the place can be taken away");
}

#[test]
fn messages_go_on_sent_requests_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Lule");
    let draft = device.create_draft(SubmissionKind::Question).unwrap();
    assert_eq!(
        code(device.add_message(&draft.id, "Any news?")),
        ErrorCode::InvalidInput,
        "a draft's text is the place"
    );
    device
        .update_draft(
            &draft.id,
            DraftPatch {
                text: Some("When is the water back?".into()),
                category: Some("water".into()),
                ..Default::default()
            },
        )
        .unwrap();
    device.send_draft(&draft.id).unwrap();
    assert_eq!(code(device.add_message(&draft.id, "   ")), ErrorCode::InvalidInput);
    device.add_message(&draft.id, "It is still off in Qelëz.").unwrap();
    let with = device.add_message(&draft.id, "Three days now.").unwrap();
    assert_eq!(
        with.messages.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(),
        ["It is still off in Qelëz.", "Three days now."]
    );
    assert_eq!(with.text, "When is the water back?", "the request itself stays as sent");
}

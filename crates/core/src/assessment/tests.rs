use std::fmt::Write as _;

use super::*;

/// An instrument with six items and two tasks in every area: item `i<area>-<k>`, task
/// `t<area>-<k>`. Only scoring reads it, so texts are left empty.
fn wide_instrument() -> Instrument {
    let mut instrument = Instrument::from_toml(EXAMPLE).unwrap();
    instrument.items.clear();
    instrument.tasks.clear();
    for area in 1..=5 {
        for k in 0..6 {
            let id = format!("i{area}-{k}");
            instrument.items.push(Item {
                id,
                digcomp: format!("{area}.1"),
                picture: "i.svg".into(),
                text: Texts::new(),
            });
        }
        for k in 0..2 {
            let id = format!("t{area}-{k}");
            let digcomp = format!("{area}.1");
            instrument.tasks.push(Task { id, digcomp, picture: "t.svg".into(), form: None, text: Texts::new() });
        }
    }
    instrument
}

/// Answers written as `"1:012t 2:3x"`: per area, a digit is an item rated that many points, `t`
/// an observed task done, `x` one not done.
fn answers(input: &str) -> (BTreeMap<String, Rating>, BTreeMap<String, bool>) {
    let (mut ratings, mut observed) = (BTreeMap::new(), BTreeMap::new());
    for part in input.split_whitespace() {
        let (area, marks) = part.split_once(':').unwrap();
        let (mut item, mut task) = (0, 0);
        for mark in marks.chars() {
            match mark {
                't' | 'x' => {
                    observed.insert(format!("t{area}-{task}"), mark == 't');
                    task += 1;
                }
                digit => {
                    let rating = Rating::from_points(digit.to_digit(10).unwrap().into()).unwrap();
                    ratings.insert(format!("i{area}-{item}"), rating);
                    item += 1;
                }
            }
        }
    }
    (ratings, observed)
}

fn level(level: Level) -> &'static str {
    ["F1", "F2", "I3", "I4"][level as usize]
}

fn fraction(mean: Mean) -> String {
    if mean.count == 1 { mean.total.to_string() } else { format!("{}/{}", mean.total, mean.count) }
}

/// Scores as `"1:F2 3/2 2:- … = F2 3/2"`: the level and exact mean of each area, `-` when not
/// assessed, then the overall score.
fn render(scores: &Scores) -> String {
    let mut out = String::new();
    for (area, score) in &scores.areas {
        match score {
            Some(s) => write!(out, "{}:{} {} ", area.number(), level(s.level), fraction(s.mean)).unwrap(),
            None => write!(out, "{}:- ", area.number()).unwrap(),
        }
    }
    match scores.overall {
        Some((mean, l)) => write!(out, "= {} {}", level(l), fraction(mean)).unwrap(),
        None => out.push_str("= -"),
    }
    out
}

#[track_caller]
fn check(input: &str, expect: &str) {
    let (ratings, observed) = answers(input);
    let got = render(&score(&wide_instrument(), &ratings, &observed));
    assert_eq!(got, expect, "scores of {input:?}");
}

#[test]
fn scoring_per_area_and_overall() {
    // Nothing answered is "not assessed", never zero.
    check("", "1:- 2:- 3:- 4:- 5:- = -");
    check("1:0", "1:F1 0 2:- 3:- 4:- 5:- = F1 0");
    // The cut points 1.0, 1.75 and 2.5, exactly at and just below each.
    check("1:01", "1:F1 1/2 2:- 3:- 4:- 5:- = F1 1/2");
    check("1:0111", "1:F1 3/4 2:- 3:- 4:- 5:- = F1 3/4");
    check("1:1", "1:F2 1 2:- 3:- 4:- 5:- = F2 1");
    check("1:12", "1:F2 3/2 2:- 3:- 4:- 5:- = F2 3/2");
    check("1:122", "1:F2 5/3 2:- 3:- 4:- 5:- = F2 5/3");
    check("1:1222", "1:I3 7/4 2:- 3:- 4:- 5:- = I3 7/4");
    check("1:22", "1:I3 2 2:- 3:- 4:- 5:- = I3 2");
    check("1:2223", "1:I3 9/4 2:- 3:- 4:- 5:- = I3 9/4");
    check("1:0333", "1:I3 9/4 2:- 3:- 4:- 5:- = I3 9/4");
    check("1:23", "1:I4 5/2 2:- 3:- 4:- 5:- = I4 5/2");
    check("1:3", "1:I4 3 2:- 3:- 4:- 5:- = I4 3");
    // Observed tasks: done counts as "on my own"; not done is no evidence; never pulls down.
    check("2:t", "1:- 2:I3 2 3:- 4:- 5:- = I3 2");
    check("2:x", "1:- 2:- 3:- 4:- 5:- = -");
    check("2:xx 3:1x", "1:- 2:- 3:F2 1 4:- 5:- = F2 1");
    check("2:0t", "1:- 2:F2 1 3:- 4:- 5:- = F2 1");
    check("2:00t", "1:- 2:F1 2/3 3:- 4:- 5:- = F1 2/3");
    check("2:01tt", "1:- 2:F2 5/4 3:- 4:- 5:- = F2 5/4");
    check("2:122t", "1:- 2:I3 7/4 3:- 4:- 5:- = I3 7/4");
    check("2:3t", "1:- 2:I4 3 3:- 4:- 5:- = I4 3");
    check("2:23t", "1:- 2:I4 5/2 3:- 4:- 5:- = I4 5/2");
    check("2:33tt", "1:- 2:I4 3 3:- 4:- 5:- = I4 3");
    // Overall: the mean of the assessed areas, each weighing the same however many items it has.
    check("1:0 2:3", "1:F1 0 2:I4 3 3:- 4:- 5:- = F2 3/2");
    check("1:000000 2:3", "1:F1 0 2:I4 3 3:- 4:- 5:- = F2 3/2");
    check("1:122 2:111233", "1:F2 5/3 2:I3 11/6 3:- 4:- 5:- = I3 7/4");
    check("1:0 2:1 3:2 4:3 5:t", "1:F1 0 2:F2 1 3:I3 2 4:I4 3 5:I3 2 = F2 8/5");
    check("1:00 2:00 3:00 4:00 5:01", "1:F1 0 2:F1 0 3:F1 0 4:F1 0 5:F1 1/2 = F1 1/10");
    check("1:33 2:33 3:33 4:33 5:23", "1:I4 3 2:I4 3 3:I4 3 4:I4 3 5:I4 5/2 = I4 29/10");
}

#[test]
fn ratings_and_tasks_the_instrument_lacks_are_left_out() {
    let instrument = wide_instrument();
    let (mut ratings, mut observed) = answers("1:2");
    ratings.insert("removed-item".into(), Rating::CannotDo);
    observed.insert("removed-task".into(), true);
    assert_eq!(render(&score(&instrument, &ratings, &observed)), "1:I3 2 2:- 3:- 4:- 5:- = I3 2");
}

fn render_changes(changes: &[AreaChange; 5]) -> String {
    let mut out = Vec::new();
    for change in changes {
        let shown = match (change.trend, change.difference, change.before, change.after) {
            (Some(trend), Some(d), _, _) => format!("{trend:?} {d:+.2}").to_lowercase(),
            (None, None, None, Some(_)) => "new".into(),
            (None, None, Some(_), None) => "gone".into(),
            (None, None, None, None) => "-".into(),
            other => panic!("a trend comes with a difference: {other:?}"),
        };
        out.push(format!("{}:{shown}", change.area.number()));
    }
    out.join(" ")
}

#[track_caller]
fn check_compare(before: &str, after: &str, expect: &str) {
    let instrument = wide_instrument();
    let scores = |input| {
        let (ratings, observed) = answers(input);
        score(&instrument, &ratings, &observed)
    };
    let got = render_changes(&compare(&scores(before), &scores(after)));
    assert_eq!(got, expect, "{before:?} then {after:?}");
}

#[test]
fn comparing_before_and_after() {
    check_compare("", "", "1:- 2:- 3:- 4:- 5:-");
    check_compare("1:0 2:2 3:3", "1:2 2:2 3:1", "1:up +2.00 2:same +0.00 3:down -2.00 4:- 5:-");
    check_compare("1:01", "1:1t", "1:up +1.00 2:- 3:- 4:- 5:-");
    // An area assessed once is not compared with zero.
    check_compare("4:1", "5:2", "1:- 2:- 3:- 4:gone 5:new");
    // Same mean from different answers is the same; a third of a point is a change.
    check_compare("2:13", "2:22", "1:- 2:same +0.00 3:- 4:- 5:-");
    check_compare("2:122", "2:222", "1:- 2:up +0.33 3:- 4:- 5:-");
}

#[test]
fn competences_are_those_of_digcomp() {
    for (digcomp, area) in [
        ("1.1", Some(Area::Information)),
        ("1.3", Some(Area::Information)),
        ("1.4", None),
        ("2.6", Some(Area::Communication)),
        ("2.7", None),
        ("3.4", Some(Area::ContentCreation)),
        ("4.4", Some(Area::Safety)),
        ("5.4", Some(Area::ProblemSolving)),
        ("5.5", None),
        ("0.1", None),
        ("6.1", None),
        ("2.0", None),
        ("2", None),
        ("two.one", None),
    ] {
        assert_eq!(Area::of_competence(digcomp), area, "{digcomp}");
    }
}

#[test]
fn the_example_instrument_is_whole() {
    let instrument = Instrument::from_toml(EXAMPLE).unwrap();
    assert_eq!(instrument.problems(), Vec::<String>::new());
    let narration = instrument.narration();
    assert_eq!(narration.len(), 4 * (1 + 4 + 10 + 3), "intro, scale, items, tasks in four languages");
    assert!(narration.iter().any(|n| n.key == "scale-on-my-own" && n.locale == Locale::Mk && n.text == "Сам"));
    assert!(narration.iter().any(|n| n.key == "task-spot-scam" && n.locale == Locale::Sr));
    assert_eq!(
        instrument.pictures(),
        ["assessment.svg", "i.svg", "scale-0.svg", "scale-1.svg", "scale-2.svg", "scale-3.svg", "t.svg"]
    );
}

#[track_caller]
fn check_problem(edit: impl FnOnce(&mut Instrument), expect: &str) {
    let mut instrument = Instrument::from_toml(EXAMPLE).unwrap();
    edit(&mut instrument);
    let problems = instrument.problems();
    assert!(problems.iter().any(|p| p.contains(expect)), "expected a problem containing {expect:?}, got {problems:?}");
}

#[test]
fn each_instrument_rule_is_enforced() {
    check_problem(|i| i.items.retain(|item| item.id != "pin"), "area 4 has 1 item(s)");
    check_problem(|i| i.items.retain(|item| !item.digcomp.starts_with('5')), "area 5 has 0 item(s)");
    check_problem(|i| i.items[1].id = "find-hours".into(), "two items or tasks have the id \"find-hours\"");
    check_problem(|i| i.tasks[0].id = "pin".into(), "two items or tasks have the id \"pin\"");
    check_problem(|i| i.items[0].id = "Find Hours".into(), "item id \"Find Hours\" must be lowercase");
    check_problem(|i| i.items[2].digcomp = "2.7".into(), "item \"voice\": digcomp \"2.7\" must be a DigComp 2.2");
    check_problem(|i| i.tasks[1].digcomp = "6.1".into(), "task \"spot-scam\": digcomp \"6.1\"");
    check_problem(
        |i| {
            i.items[3].text.remove(&Locale::Sr);
        },
        "item \"video-call\" has no sr text",
    );
    check_problem(
        |i| {
            i.title.insert(Locale::En, " ".into());
        },
        "title has an empty en text",
    );
    check_problem(
        |i| {
            i.scale[0].text.remove(&Locale::Mk);
        },
        "scale cannot-do has no mk text",
    );
    check_problem(|i| i.scale.swap(0, 1), "it lists with-help, cannot-do, on-my-own, can-teach");
    check_problem(
        |i| {
            i.scale.pop();
        },
        "it lists cannot-do, with-help, on-my-own",
    );
    check_problem(|i| i.tasks.truncate(2), "3 to 5 observed tasks, this one has 2");
    check_problem(|i| i.revision = 0, "revision starts at 1");
    check_problem(|i| i.id = "DigComp".into(), "id \"DigComp\" must be lowercase");
}

#[test]
fn unknown_keys_and_ratings_are_parse_errors() {
    let err = Instrument::from_toml(&format!("colour = \"red\"\n{EXAMPLE}")).unwrap_err();
    assert!(err.0.contains("colour"), "{err}");
    let err = Instrument::from_toml(&EXAMPLE.replace("rating = \"with-help\"", "rating = \"maybe\"")).unwrap_err();
    assert!(err.0.contains("maybe"), "{err}");
}

#[test]
fn an_assessment_document_records_answers_until_it_is_finished() {
    let (resident, volunteer) = (ProfileId::random(), ProfileId::random());
    let mut doc = new_document(resident, Some(volunteer), 3, 1_000);
    rate(&mut doc, "voice", Rating::WithHelp, 2_000).unwrap();
    rate(&mut doc, "voice", Rating::OnMyOwn, 2_500).unwrap();
    rate(&mut doc, "pin", Rating::CannotDo, 2_600).unwrap();
    observe(&mut doc, "spot-scam", true).unwrap();
    observe(&mut doc, "send-photo", false).unwrap();
    finish(&mut doc, 3_000).unwrap();
    finish(&mut doc, 9_000).unwrap();
    assert_eq!(rate(&mut doc, "voice", Rating::CanTeach, 4_000), Err(ChangeError::Finished));
    assert_eq!(observe(&mut doc, "send-photo", true), Err(ChangeError::Finished));
    let loaded = AutoCommit::load(&doc.save()).unwrap();
    let taken = read(&loaded).unwrap();
    assert_eq!(
        taken,
        Assessment {
            profile: resident,
            taken_by: Some(volunteer),
            revision: 3,
            started_at: 1_000,
            finished_at: Some(3_000),
            ratings: BTreeMap::from([("voice".into(), Rating::OnMyOwn), ("pin".into(), Rating::CannotDo)]),
            observed: BTreeMap::from([("spot-scam".into(), true), ("send-photo".into(), false)]),
        },
        "the last answer before finishing counts and the first finish is kept"
    );
    assert_eq!(owner(&loaded), Ok(resident));
    let alone = new_document(resident, None, 1, 5);
    assert_eq!(read(&alone).unwrap().taken_by, None, "a resident may assess themselves");
    assert_eq!(documents::kind_of(&alone), Ok(DocKind::Assessment));
}

#[test]
fn a_malformed_assessment_does_not_read() {
    let mut doc = new_document(ProfileId::random(), None, 1, 5);
    let mut bad_rating = doc.fork();
    let ratings = map_at(&bad_rating, "ratings").unwrap();
    bad_rating.put(&ratings, "voice", 4_i64).unwrap();
    assert_eq!(read(&bad_rating), Err(SchemaError::Field("ratings")), "a rating is 0 to 3");
    let mut bad_task = doc.fork();
    let observed = map_at(&bad_task, "observed").unwrap();
    bad_task.put(&observed, "spot-scam", "yes").unwrap();
    assert_eq!(read(&bad_task), Err(SchemaError::Field("observed")));
    let mut bad_volunteer = doc.fork();
    bad_volunteer.put(ROOT, "takenBy", "someone").unwrap();
    assert_eq!(read(&bad_volunteer), Err(SchemaError::Field("takenBy")));
    let progress = crate::progress::new_document(ProfileId::random());
    assert_eq!(owner(&progress), Err(SchemaError::WrongKind { expected: DocKind::Assessment }));
}

#[test]
fn the_server_takes_an_assessment_only_from_a_device_holding_the_resident() {
    use crate::{
        access::{DocMeta, accept, may_read, may_write, meta_of},
        ids::DocId,
        sync::{Refusal, upload},
    };
    let (resident, volunteer) = (ProfileId::random(), ProfileId::random());
    let id = DocId::random();
    let mut doc = new_document(resident, Some(volunteer), 1, 5);
    rate(&mut doc, "voice", Rating::OnMyOwn, 6).unwrap();
    let up = upload(id, &mut doc, &[]).unwrap();
    assert!(
        matches!(accept(&up, None, &[volunteer], 1 << 20), Err(Refusal::Forbidden)),
        "taking it does not make it the volunteer's: their device must hold the resident"
    );
    let Ok(accepted) = accept(&up, None, &[resident], 1 << 20) else { panic!("the resident's device may write it") };
    assert_eq!(accepted.meta, DocMeta { kind: DocKind::Assessment, owner: Some(resident) });
    assert!(may_read(&accepted.meta, &[resident, volunteer]) && !may_read(&accepted.meta, &[volunteer]));

    let mut broken = new_document(resident, None, 1, 5);
    let ratings = map_at(&broken, "ratings").unwrap();
    broken.put(&ratings, "voice", 7_i64).unwrap();
    let up = upload(DocId::random(), &mut broken, &[]).unwrap();
    assert!(matches!(accept(&up, None, &[resident], 1 << 20), Err(Refusal::Malformed)), "a rating is 0 to 3");

    let edition = crate::content::Edition { revision: 1, body: "{}".into(), media: BTreeMap::new() };
    let instrument = crate::content::new_document(DocKind::Instrument, INSTRUMENT_ID, &edition);
    let meta = meta_of(crate::content::doc_id(DocKind::Instrument, INSTRUMENT_ID), &instrument).unwrap();
    assert_eq!(meta, DocMeta { kind: DocKind::Instrument, owner: None });
    assert!(may_read(&meta, &[]) && !may_write(&meta, &[resident]), "the instrument is public and the server's");
}

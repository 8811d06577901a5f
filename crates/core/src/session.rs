//! Community sessions: a volunteer's record of one training session in a village hall — when and
//! where, the topic, the lessons planned, who came (people of the laptop's profiles), what each
//! learned, a short note. One document per session, owned by the volunteer's profile, so it syncs
//! to the server when the laptop next has a link and feeds the project's indicators.
//!
//! Who came is counted for the project's donors by a few optional facts — gender, age band, rural
//! or urban, country, target groups — each of which a person may leave unsaid. None of them is
//! kept without the person's consent ([`Consent`]), and names are never in the document: the
//! laptop knows its people's names, the server counts them by profile id alone.
//!
//! ```
//! use mcommunity_core::{ids::ProfileId, idnum::Country, session::{self, Plan, Registration, Consent, ConsentBy, Gender}};
//! let volunteer = ProfileId::random();
//! let plan = Plan { date: "2026-11-28".into(), village: "qelez".into(), municipality: "Fushë-Arrëz".into(),
//!                   country: Country::Al, topic: "Phones".into(), planned: vec!["phone-basics".into()] };
//! let mut doc = session::new_document(volunteer, &plan, 1_000).unwrap();
//! let resident = ProfileId::random();
//! let consent = Some(Consent { at: 1_500, by: ConsentBy::Tap });
//! let facts = Registration { gender: Some(Gender::Woman), consent, ..Registration::default() };
//! session::register(&mut doc, resident, &facts, 1_500).unwrap();
//! assert_eq!(session::read(&doc).unwrap().attendees[&resident].gender, Some(Gender::Woman));
//! ```

use std::{collections::BTreeMap, str::FromStr};

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value, transaction::Transactable};

use crate::{
    blobs::BlobHash,
    documents::{self, DocKind, SchemaError},
    forms::rules::Date,
    idnum::Country,
    ids::ProfileId,
    limits::InputError,
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// Longest topic, in characters.
pub const TOPIC_MAX_CHARS: usize = 120;
/// Longest note, in characters.
pub const NOTE_MAX_CHARS: usize = 2_000;

/// Declares a closed set of stored names, with `as_str`, `ALL` and `FromStr`.
macro_rules! names {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $stored:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $stored)] $variant),+ }

        impl $name {
            /// Every value, in the order forms offer them.
            pub const ALL: &[$name] = &[$($name::$variant),+];

            /// The stored name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored),+ }
            }
        }

        impl FromStr for $name {
            type Err = SchemaError;

            fn from_str(s: &str) -> Result<$name, SchemaError> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s).ok_or(SchemaError::Field(stringify!($name)))
            }
        }
    };
}

names! {
    /// Gender, as the person says it.
    Gender {
        /// A woman.
        Woman = "woman",
        /// A man.
        Man = "man",
        /// Said otherwise.
        Other = "other",
    }
}

names! {
    /// Age band, as donors count them.
    AgeBand {
        /// 16 to 24.
        From16To24 = "16-24",
        /// 25 to 54.
        From25To54 = "25-54",
        /// 55 to 74.
        From55To74 = "55-74",
        /// 75 and over.
        From75 = "75+",
    }
}

names! {
    /// Where the person lives.
    Settlement {
        /// A village.
        Rural = "rural",
        /// A town.
        Urban = "urban",
    }
}

names! {
    /// The groups the project reaches out to; a person may be in several or none.
    TargetGroup {
        /// 65 and over.
        OlderPerson = "older-person",
        /// A woman who reads little or not at all.
        WomanReadingLittle = "woman-reading-little",
        /// Aged 16 to 24.
        YoungPerson = "young-person",
        /// A person with a disability.
        Disability = "disability",
        /// Someone who has never used a smartphone before.
        FirstPhone = "first-phone",
        /// A member of a minority community.
        Minority = "minority",
    }
}

names! {
    /// How consent was given.
    ConsentBy {
        /// A tap on "Yes" after the explanation was shown and read aloud.
        Tap = "tap",
        /// A spoken "yes", recorded as a voice note, for people who cannot read.
        Voice = "voice",
    }
}

/// A person's consent to keeping their facts for the project's counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Consent {
    /// When it was given, in ms since the Unix epoch.
    pub at: i64,
    /// How.
    pub by: ConsentBy,
}

/// What is planned for a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Its day, `YYYY-MM-DD`.
    pub date: String,
    /// The village or town (an id of [`crate::places`] for the pilot municipality, else its name).
    pub village: String,
    /// The municipality.
    pub municipality: String,
    /// The country.
    pub country: Country,
    /// What it is about (1–120 characters).
    pub topic: String,
    /// The lessons planned (content ids).
    pub planned: Vec<String>,
}

/// A person's registration: the facts they chose to give, and their consent. Without consent no
/// fact is kept (the person still counts as present, as "not said").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registration {
    /// Gender, if said.
    pub gender: Option<Gender>,
    /// Age band, if said.
    pub age: Option<AgeBand>,
    /// Rural or urban, if said.
    pub settlement: Option<Settlement>,
    /// Country, if said.
    pub country: Option<Country>,
    /// Target groups the person said they are in.
    pub groups: Vec<TargetGroup>,
    /// The consent, if given; a spoken one is a voice note of the person's profile.
    pub consent: Option<Consent>,
    /// The recorded "yes", when consent was spoken.
    pub consent_voice: Option<BlobHash>,
}

/// One person at a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendee {
    /// When they were registered.
    pub registered_at: i64,
    /// Whether they came (registered people are present until marked otherwise).
    pub present: bool,
    /// Gender, if said with consent.
    pub gender: Option<Gender>,
    /// Age band, if said with consent.
    pub age: Option<AgeBand>,
    /// Rural or urban, if said with consent.
    pub settlement: Option<Settlement>,
    /// Country, if said with consent.
    pub country: Option<Country>,
    /// Target groups, if said with consent.
    pub groups: Vec<TargetGroup>,
    /// The consent.
    pub consent: Option<Consent>,
    /// The recorded "yes".
    pub consent_voice: Option<BlobHash>,
    /// Lessons covered at the session (content ids).
    pub lessons: Vec<String>,
    /// Practice forms tried at the session (content ids).
    pub forms: Vec<String>,
}

/// A session as read from its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The volunteer's profile, who owns it.
    pub volunteer: ProfileId,
    /// What was planned.
    pub plan: Plan,
    /// Who came, by profile.
    pub attendees: BTreeMap<ProfileId, Attendee>,
    /// The volunteer's note.
    pub note: String,
    /// When it was created.
    pub created_at: i64,
    /// When it last changed.
    pub updated_at: i64,
}

/// Why a change to a session was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SessionError {
    /// Something given breaks a rule; nothing was changed.
    #[error("invalid input: {0:?}")]
    Input(InputError),
    /// The person is not registered at this session.
    #[error("not registered at this session")]
    NotRegistered,
    /// The document is not a well-formed session.
    #[error(transparent)]
    Schema(#[from] SchemaError),
}

fn check_plan(plan: &Plan) -> Result<(), SessionError> {
    if Date::parse(&plan.date).is_err() {
        return Err(SessionError::Input(InputError::SessionDate));
    }
    let topic = plan.topic.trim().chars().count();
    if topic == 0 || topic > TOPIC_MAX_CHARS || plan.village.trim().is_empty() || plan.municipality.trim().is_empty() {
        return Err(SessionError::Input(InputError::SessionIncomplete));
    }
    Ok(())
}

/// A new session owned by `volunteer`, planned as `plan`, at `now`.
pub fn new_document(volunteer: ProfileId, plan: &Plan, now: i64) -> Result<AutoCommit, SessionError> {
    check_plan(plan)?;
    let mut doc = AutoCommit::new();
    documents::init(&mut doc, DocKind::Session, SCHEMA);
    doc.put(ROOT, "volunteer", volunteer.to_string()).expect("root is a map");
    write_plan(&mut doc, plan);
    doc.put_object(ROOT, "attendees", ObjType::Map).expect("root is a map");
    doc.put(ROOT, "note", "").expect("root is a map");
    doc.put(ROOT, "createdAt", now).expect("root is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(doc)
}

fn write_plan(doc: &mut AutoCommit, plan: &Plan) {
    doc.put(ROOT, "date", plan.date.as_str()).expect("root is a map");
    doc.put(ROOT, "village", plan.village.trim()).expect("root is a map");
    doc.put(ROOT, "municipality", plan.municipality.trim()).expect("root is a map");
    doc.put(ROOT, "country", plan.country.code()).expect("root is a map");
    doc.put(ROOT, "topic", plan.topic.trim()).expect("root is a map");
    write_strings(doc, &ROOT, "planned", &plan.planned);
}

fn write_strings(doc: &mut AutoCommit, obj: &ObjId, key: &str, items: &[String]) {
    let list = doc.put_object(obj, key, ObjType::List).expect("a map");
    for (i, item) in items.iter().enumerate() {
        doc.insert(&list, i, item.as_str()).expect("a list");
    }
}

/// Changes what is planned.
pub fn set_plan(doc: &mut AutoCommit, plan: &Plan, now: i64) -> Result<(), SessionError> {
    check_plan(plan)?;
    read(doc)?;
    write_plan(doc, plan);
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

fn attendees_obj(doc: &AutoCommit) -> Result<ObjId, SchemaError> {
    match doc.get(ROOT, "attendees") {
        Ok(Some((Value::Object(ObjType::Map), id))) => Ok(id),
        _ => Err(SchemaError::Field("attendees")),
    }
}

fn attendee_obj(doc: &AutoCommit, profile: ProfileId) -> Result<ObjId, SessionError> {
    match doc.get(&attendees_obj(doc)?, profile.to_string()) {
        Ok(Some((Value::Object(ObjType::Map), id))) => Ok(id),
        _ => Err(SessionError::NotRegistered),
    }
}

fn put_opt(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: Option<&str>) {
    match value {
        Some(v) => doc.put(obj, key, v),
        None => doc.put(obj, key, ScalarValue::Null),
    }
    .expect("a map");
}

/// Registers `profile` at the session (or registers them again with new facts). Without consent
/// the facts are not kept, whatever was given.
pub fn register(doc: &mut AutoCommit, profile: ProfileId, facts: &Registration, now: i64) -> Result<(), SessionError> {
    read(doc)?;
    let attendees = attendees_obj(doc)?;
    let (obj, new) = match doc.get(&attendees, profile.to_string()) {
        Ok(Some((Value::Object(ObjType::Map), id))) => (id, false),
        _ => (doc.put_object(&attendees, profile.to_string(), ObjType::Map).expect("attendees is a map"), true),
    };
    if new {
        doc.put(&obj, "registeredAt", now).expect("an attendee is a map");
        doc.put(&obj, "present", true).expect("an attendee is a map");
        write_strings(doc, &obj, "lessons", &[]);
        write_strings(doc, &obj, "forms", &[]);
    }
    let consented = facts.consent.is_some();
    let kept = |v: Option<&'static str>| if consented { v } else { None };
    put_opt(doc, &obj, "gender", kept(facts.gender.map(Gender::as_str)));
    put_opt(doc, &obj, "age", kept(facts.age.map(AgeBand::as_str)));
    put_opt(doc, &obj, "settlement", kept(facts.settlement.map(Settlement::as_str)));
    put_opt(doc, &obj, "country", kept(facts.country.map(Country::code)));
    let mut groups: Vec<String> =
        if consented { facts.groups.iter().map(|g| g.as_str().to_owned()).collect() } else { Vec::new() };
    groups.sort();
    groups.dedup();
    write_strings(doc, &obj, "groups", &groups);
    match facts.consent {
        Some(c) => {
            doc.put(&obj, "consentAt", c.at).expect("an attendee is a map");
            doc.put(&obj, "consentBy", c.by.as_str()).expect("an attendee is a map");
        }
        None => {
            doc.put(&obj, "consentAt", ScalarValue::Null).expect("an attendee is a map");
            doc.put(&obj, "consentBy", ScalarValue::Null).expect("an attendee is a map");
        }
    }
    let voice = facts.consent_voice.filter(|_| facts.consent.is_some_and(|c| c.by == ConsentBy::Voice));
    put_opt(doc, &obj, "consentVoice", voice.map(|h| h.to_string()).as_deref());
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

/// Marks whether a registered person came.
pub fn set_present(doc: &mut AutoCommit, profile: ProfileId, present: bool, now: i64) -> Result<(), SessionError> {
    let obj = attendee_obj(doc, profile)?;
    doc.put(&obj, "present", present).expect("an attendee is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

/// Records the lessons covered and forms tried by a registered person at this session (taken from
/// their progress record by the caller), replacing what was recorded before.
pub fn record_learning(
    doc: &mut AutoCommit,
    profile: ProfileId,
    lessons: &[String],
    forms: &[String],
    now: i64,
) -> Result<(), SessionError> {
    let obj = attendee_obj(doc, profile)?;
    let current = read(doc)?.attendees.remove(&profile).ok_or(SessionError::NotRegistered)?;
    if current.lessons != lessons {
        write_strings(doc, &obj, "lessons", lessons);
    }
    if current.forms != forms {
        write_strings(doc, &obj, "forms", forms);
    }
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

/// Takes a person off the session's list (registered by mistake).
pub fn unregister(doc: &mut AutoCommit, profile: ProfileId, now: i64) -> Result<(), SessionError> {
    attendee_obj(doc, profile)?;
    let attendees = attendees_obj(doc)?;
    doc.delete(&attendees, profile.to_string()).expect("attendees is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

/// Sets the volunteer's note.
pub fn set_note(doc: &mut AutoCommit, note: &str, now: i64) -> Result<(), SessionError> {
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(SessionError::Input(InputError::TextTooLong));
    }
    read(doc)?;
    doc.put(ROOT, "note", note.trim()).expect("root is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

/// The volunteer a session belongs to, read without the rest of it.
pub fn owner(doc: &AutoCommit) -> Result<ProfileId, SchemaError> {
    documents::expect_kind(doc, DocKind::Session)?;
    documents::get_str(doc, &ROOT, "volunteer")?.parse().map_err(|_| SchemaError::Field("volunteer"))
}

fn read_strings(doc: &AutoCommit, obj: &ObjId, key: &'static str) -> Result<Vec<String>, SchemaError> {
    let list = match doc.get(obj, key).map_err(|_| SchemaError::Field(key))? {
        None => return Ok(Vec::new()),
        Some((Value::Object(ObjType::List), id)) => id,
        Some(_) => return Err(SchemaError::Field(key)),
    };
    (0..doc.length(&list))
        .map(|i| match doc.get(&list, i) {
            Ok(Some((Value::Scalar(s), _))) => match s.as_ref() {
                ScalarValue::Str(s) => Ok(s.to_string()),
                _ => Err(SchemaError::Field(key)),
            },
            _ => Err(SchemaError::Field(key)),
        })
        .collect()
}

fn read_opt<T: FromStr>(doc: &AutoCommit, obj: &ObjId, key: &'static str) -> Result<Option<T>, SchemaError> {
    documents::get_opt_str(doc, obj, key)?.map(|s| s.parse().map_err(|_| SchemaError::Field(key))).transpose()
}

fn read_attendee(doc: &AutoCommit, obj: &ObjId) -> Result<Attendee, SchemaError> {
    let consent = match documents::get_scalar(doc, obj, "consentAt")? {
        None | Some(ScalarValue::Null) => None,
        Some(_) => Some(Consent {
            at: documents::get_i64(doc, obj, "consentAt")?,
            by: read_opt(doc, obj, "consentBy")?.ok_or(SchemaError::Field("consentBy"))?,
        }),
    };
    let country = match documents::get_opt_str(doc, obj, "country")? {
        Some(code) => Some(Country::ALL.into_iter().find(|c| c.code() == code).ok_or(SchemaError::Field("country"))?),
        None => None,
    };
    let groups =
        read_strings(doc, obj, "groups")?.iter().map(|g| g.parse()).collect::<Result<Vec<TargetGroup>, _>>()?;
    let present = matches!(documents::get_scalar(doc, obj, "present")?, Some(ScalarValue::Boolean(true)));
    Ok(Attendee {
        registered_at: documents::get_i64(doc, obj, "registeredAt")?,
        present,
        gender: read_opt(doc, obj, "gender")?,
        age: read_opt(doc, obj, "age")?,
        settlement: read_opt(doc, obj, "settlement")?,
        country,
        groups,
        consent,
        consent_voice: read_opt(doc, obj, "consentVoice")?,
        lessons: read_strings(doc, obj, "lessons")?,
        forms: read_strings(doc, obj, "forms")?,
    })
}

/// Reads a session document.
pub fn read(doc: &AutoCommit) -> Result<Session, SchemaError> {
    let volunteer = owner(doc)?;
    let code = documents::get_str(doc, &ROOT, "country")?;
    let plan = Plan {
        date: documents::get_str(doc, &ROOT, "date")?,
        village: documents::get_str(doc, &ROOT, "village")?,
        municipality: documents::get_str(doc, &ROOT, "municipality")?,
        country: Country::ALL.into_iter().find(|c| c.code() == code).ok_or(SchemaError::Field("country"))?,
        topic: documents::get_str(doc, &ROOT, "topic")?,
        planned: read_strings(doc, &ROOT, "planned")?,
    };
    let map = attendees_obj(doc)?;
    let mut attendees = BTreeMap::new();
    for key in doc.keys(&map) {
        let profile: ProfileId = key.parse().map_err(|_| SchemaError::Field("attendees"))?;
        let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get(&map, key.as_str()) else {
            return Err(SchemaError::Field("attendees"));
        };
        let attendee = read_attendee(doc, &obj)?;
        // Facts without consent are never counted, whatever a device wrote.
        let attendee = if attendee.consent.is_some() {
            attendee
        } else {
            Attendee { gender: None, age: None, settlement: None, country: None, groups: Vec::new(), ..attendee }
        };
        attendees.insert(profile, attendee);
    }
    Ok(Session {
        volunteer,
        plan,
        attendees,
        note: documents::get_str(doc, &ROOT, "note")?,
        created_at: documents::get_i64(doc, &ROOT, "createdAt")?,
        updated_at: documents::get_i64(doc, &ROOT, "updatedAt")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            date: "2026-11-28".into(),
            village: "qelez".into(),
            municipality: "Fushë-Arrëz".into(),
            country: Country::Al,
            topic: "Telefoni dhe mesazhet zanore".into(),
            planned: vec!["phone-basics".into(), "voice-message".into()],
        }
    }

    fn consent(by: ConsentBy) -> Option<Consent> {
        Some(Consent { at: 5, by })
    }

    #[test]
    fn a_session_is_planned_attended_and_read_back() {
        let volunteer = ProfileId::random();
        let mut doc = new_document(volunteer, &plan(), 1).unwrap();
        let (drita, gjon) = (ProfileId::random(), ProfileId::random());
        let facts = Registration {
            gender: Some(Gender::Woman),
            age: Some(AgeBand::From55To74),
            settlement: Some(Settlement::Rural),
            country: Some(Country::Al),
            groups: vec![TargetGroup::WomanReadingLittle, TargetGroup::FirstPhone, TargetGroup::FirstPhone],
            consent: consent(ConsentBy::Voice),
            consent_voice: Some(BlobHash::of(b"po")),
        };
        register(&mut doc, drita, &facts, 2).unwrap();
        register(&mut doc, gjon, &Registration { consent: consent(ConsentBy::Tap), ..Default::default() }, 3).unwrap();
        set_present(&mut doc, gjon, false, 4).unwrap();
        record_learning(&mut doc, drita, &["phone-basics".into()], &["e-albania-registration".into()], 5).unwrap();
        set_note(&mut doc, "  Salla e shkollës, 9 veta.  ", 6).unwrap();

        let s = read(&doc).unwrap();
        assert_eq!(
            (s.volunteer, &s.plan, s.note.as_str(), s.updated_at),
            (volunteer, &plan(), "Salla e shkollës, 9 veta.", 6)
        );
        let d = &s.attendees[&drita];
        assert_eq!(d.groups, [TargetGroup::FirstPhone, TargetGroup::WomanReadingLittle], "sorted, once each");
        assert_eq!(
            (d.gender, d.age, d.settlement, d.country),
            (Some(Gender::Woman), Some(AgeBand::From55To74), Some(Settlement::Rural), Some(Country::Al))
        );
        assert_eq!(d.consent_voice, Some(BlobHash::of(b"po")));
        assert_eq!(
            (d.lessons.as_slice(), d.forms.as_slice()),
            (&["phone-basics".to_owned()][..], &["e-albania-registration".to_owned()][..])
        );
        assert!(d.present && !s.attendees[&gjon].present);
        assert_eq!(s.attendees[&gjon].gender, None, "nothing said is nothing kept");
    }

    #[test]
    fn without_consent_no_fact_is_kept_even_if_a_device_wrote_one() {
        let mut doc = new_document(ProfileId::random(), &plan(), 1).unwrap();
        let who = ProfileId::random();
        let facts =
            Registration { gender: Some(Gender::Man), groups: vec![TargetGroup::Disability], ..Default::default() };
        register(&mut doc, who, &facts, 2).unwrap();
        let a = &read(&doc).unwrap().attendees[&who];
        assert_eq!((a.gender, a.groups.len(), a.consent), (None, 0, None));
        // A forged document with facts but no consent still reads without them.
        let obj = attendee_obj(&doc, who).unwrap();
        doc.put(&obj, "gender", "man").unwrap();
        assert_eq!(read(&doc).unwrap().attendees[&who].gender, None);
        // A voice "yes" is kept only with spoken consent.
        let tap = Registration {
            consent: consent(ConsentBy::Tap),
            consent_voice: Some(BlobHash::of(b"x")),
            ..Default::default()
        };
        register(&mut doc, who, &tap, 3).unwrap();
        assert_eq!(read(&doc).unwrap().attendees[&who].consent_voice, None);
    }

    #[test]
    fn bad_plans_and_unknown_people_change_nothing() {
        let volunteer = ProfileId::random();
        for bad in [
            Plan { date: "28.11.2026".into(), ..plan() },
            Plan { topic: "   ".into(), ..plan() },
            Plan { topic: "x".repeat(TOPIC_MAX_CHARS + 1), ..plan() },
            Plan { village: "".into(), ..plan() },
        ] {
            assert!(matches!(new_document(volunteer, &bad, 1), Err(SessionError::Input(_))), "{bad:?}");
        }
        let mut doc = new_document(volunteer, &plan(), 1).unwrap();
        let heads = doc.get_heads();
        assert_eq!(set_present(&mut doc, ProfileId::random(), true, 2), Err(SessionError::NotRegistered));
        assert_eq!(
            set_note(&mut doc, &"x".repeat(NOTE_MAX_CHARS + 1), 2),
            Err(SessionError::Input(InputError::TextTooLong))
        );
        assert_eq!(doc.get_heads(), heads, "nothing was written");
        let who = ProfileId::random();
        register(&mut doc, who, &Registration::default(), 3).unwrap();
        unregister(&mut doc, who, 4).unwrap();
        assert!(read(&doc).unwrap().attendees.is_empty());
    }

    #[test]
    fn stored_names_round_trip() {
        for g in Gender::ALL {
            assert_eq!(g.as_str().parse::<Gender>(), Ok(*g));
        }
        for a in AgeBand::ALL {
            assert_eq!(a.as_str().parse::<AgeBand>(), Ok(*a));
        }
        for t in TargetGroup::ALL {
            assert_eq!(t.as_str().parse::<TargetGroup>(), Ok(*t));
        }
        assert!("elderly".parse::<TargetGroup>().is_err());
    }
}

//! The project's indicators, for its donors: community sessions and skills assessments indexed
//! when sync accepts them, and counted — people reached, sessions held, attendances, assessments
//! taken, each by gender, age band, rural/urban, country and target group, and skills by DigComp
//! area before and after — with small cells hidden so no one can be picked out.
//!
//! Everything here is pure counting over [`IndexedSession`] and [`IndexedAssessment`] rows (the
//! web pages in `dashboard/indicators.rs` only show it), so the rules are tested without HTTP.
//!
//! # Who counts how
//!
//! - An **attendance** is a person marked present at a session; **people reached** are the
//!   distinct profiles with at least one attendance; **sessions held** are the sessions in the
//!   period (counted by the session's country: a session is not a person).
//! - A person is counted **once per table**, by their **latest facts**: those of their latest
//!   registration (by session date), which is "not said" throughout when that registration had no
//!   consent — a later "no" outweighs an earlier "yes". Target groups are not exclusive: a person
//!   in two groups counts once in each, and once in the total.
//! - **Assessments taken** are finished assessments in the period; with a country filter, only
//!   those of people who attended a session in that country.
//! - **Skills before and after**: for each person with two or more finished assessments in the
//!   period, the first against the latest, per DigComp area assessed both times.
//!
//! # The small-cell rule ([`MIN_CELL`] = 5)
//!
//! 1. A cell that counts 1 to 4 people is hidden (shown "< 5"); 0 is shown.
//! 2. If exactly one cell of a table row is hidden, the shown cell with the fewest people (above
//!    0) is hidden too, so the total minus the shown cells gives only the sum of two hidden
//!    cells, never one person's group; if there is no such cell, the total is hidden.
//! 3. A total of 1 to 4 people is hidden.
//! 4. Attendances and assessments are hidden by the number of *people* behind them, not by their
//!    own count. A before/after row of fewer than 5 people is hidden.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use automerge::AutoCommit;
use mcommunity_core::{
    assessment,
    documents::{self, DocKind},
    ids::{DocId, ProfileId},
    session::{self, Session},
};
use rand_core::{OsRng, RngCore};

use crate::storage::{
    Storage, StorageError,
    dashboard::{AREAS, IndexedAssessment, IndexedAttendee, IndexedSession},
};

/// The fewest people a shown cell may count.
pub const MIN_CELL: usize = 5;

/// The column of people who did not say (or said without consent).
pub const NOT_SAID: &str = "not-said";

/// The index entry of a session document.
pub fn session_entry(id: DocId, s: &Session) -> IndexedSession {
    IndexedSession {
        id,
        volunteer: s.volunteer,
        date: s.plan.date.clone(),
        village: s.plan.village.clone(),
        municipality: s.plan.municipality.clone(),
        country: s.plan.country.code().to_owned(),
        topic: s.plan.topic.clone(),
        attendees: s
            .attendees
            .iter()
            .map(|(profile, a)| IndexedAttendee {
                profile: *profile,
                present: a.present,
                gender: a.gender.map(|g| g.as_str().to_owned()),
                age: a.age.map(|g| g.as_str().to_owned()),
                settlement: a.settlement.map(|g| g.as_str().to_owned()),
                country: a.country.map(|c| c.code().to_owned()),
                groups: a.groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(","),
                consented: a.consent.is_some(),
                lessons: a.lessons.len() as u32,
                forms: a.forms.len() as u32,
            })
            .collect(),
    }
}

/// Indexes `doc` if it is a session (anything else is left alone). Called by sync after it stored
/// accepted changes.
pub async fn index_document(storage: &dyn Storage, id: DocId, doc: &AutoCommit) -> Result<(), StorageError> {
    if documents::kind_of(doc).ok() != Some(DocKind::Session) {
        return Ok(());
    }
    match session::read(doc) {
        Ok(read) => storage.index_session(&session_entry(id, &read)).await,
        Err(e) => {
            tracing::warn!(doc = %id, error = %e, "a session that does not read was not indexed");
            Ok(())
        }
    }
}

/// Indexes `doc` if it is a finished skills assessment, scored against the instrument the server
/// published (only results are indexed: per area the mean and the DigComp level, never answers).
/// An assessment not yet finished is not counted; one that arrives before any instrument was
/// published cannot be scored and is left out (`make run` and a real start publish the instrument
/// with the lessons first).
pub async fn index_assessment(
    storage: &dyn Storage,
    id: DocId,
    taken: &assessment::Assessment,
) -> Result<(), StorageError> {
    let Some(finished_at) = taken.finished_at else { return Ok(()) };
    let Some(instrument) = published_instrument(storage).await? else {
        tracing::warn!(doc = %id, "no skills instrument is published; the assessment is not indexed yet");
        return Ok(());
    };
    let scores = assessment::score(&instrument, &taken.ratings, &taken.observed);
    let areas = scores.areas.map(|(_, area)| {
        area.map(|a| crate::storage::dashboard::AreaResult { score: a.mean.value(), level: a.level.number() })
    });
    storage
        .index_assessment(&IndexedAssessment {
            id,
            profile: taken.profile,
            taken_by: taken.taken_by,
            finished_at,
            areas,
        })
        .await
}

/// The skills instrument the server published (`content publish`), if it has one.
pub async fn published_instrument(storage: &dyn Storage) -> Result<Option<assessment::Instrument>, StorageError> {
    let id = mcommunity_core::content::doc_id(DocKind::Instrument, assessment::INSTRUMENT_ID);
    let Some(published) = crate::storage::load_doc(storage, id).await? else { return Ok(None) };
    mcommunity_core::content::read(&published)
        .map_err(|e| e.to_string())
        .and_then(|c| serde_json::from_str(&c.edition.body).map_err(|e| e.to_string()))
        .map(Some)
        .map_err(|e| StorageError::Corrupt(format!("the published skills instrument: {e}")))
}

/// What the indicators count: sessions from `from` to `until` (`YYYY-MM-DD`, both included) in
/// `country` (a code); `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// First day.
    pub from: Option<String>,
    /// Last day.
    pub until: Option<String>,
    /// Country code.
    pub country: Option<String>,
}

impl Filter {
    fn takes_date(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|f| date >= f) && self.until.as_deref().is_none_or(|u| date <= u)
    }

    fn takes(&self, s: &IndexedSession) -> bool {
        self.takes_date(&s.date) && self.country.as_deref().is_none_or(|c| s.country == c)
    }
}

/// A dimension the indicators are broken down by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// Gender.
    Gender,
    /// Age band.
    Age,
    /// Rural or urban.
    Settlement,
    /// Country.
    Country,
    /// Target group (not exclusive).
    Group,
}

impl Dimension {
    /// Every dimension, in the order tables are shown.
    pub const ALL: [Dimension; 5] =
        [Dimension::Gender, Dimension::Age, Dimension::Settlement, Dimension::Country, Dimension::Group];

    /// A stable name (for messages and CSV).
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Gender => "gender",
            Dimension::Age => "age",
            Dimension::Settlement => "settlement",
            Dimension::Country => "country",
            Dimension::Group => "group",
        }
    }

    /// The stored values, in the order columns are shown (then [`NOT_SAID`]).
    pub fn values(self) -> Vec<&'static str> {
        use mcommunity_core::session::{AgeBand, Gender, Settlement, TargetGroup};
        match self {
            Dimension::Gender => Gender::ALL.iter().map(|v| v.as_str()).collect(),
            Dimension::Age => AgeBand::ALL.iter().map(|v| v.as_str()).collect(),
            Dimension::Settlement => Settlement::ALL.iter().map(|v| v.as_str()).collect(),
            Dimension::Country => mcommunity_core::idnum::Country::ALL.iter().map(|c| c.code()).collect(),
            Dimension::Group => TargetGroup::ALL.iter().map(|v| v.as_str()).collect(),
        }
    }

    /// The columns a person with `facts` falls in.
    fn of(self, facts: &IndexedAttendee) -> Vec<String> {
        let one = |v: &Option<String>| vec![v.clone().unwrap_or_else(|| NOT_SAID.to_owned())];
        match self {
            Dimension::Gender => one(&facts.gender),
            Dimension::Age => one(&facts.age),
            Dimension::Settlement => one(&facts.settlement),
            Dimension::Country => one(&facts.country),
            Dimension::Group if facts.groups.is_empty() => vec![NOT_SAID.to_owned()],
            Dimension::Group => facts.groups.split(',').map(str::to_owned).collect(),
        }
    }
}

/// What a table row counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Distinct people with an attendance.
    PeopleReached,
    /// Attendances.
    Attendances,
    /// Finished assessments.
    Assessments,
}

impl Measure {
    /// Every measure, in the order rows are shown.
    pub const ALL: [Measure; 3] = [Measure::PeopleReached, Measure::Attendances, Measure::Assessments];

    /// A stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::PeopleReached => "people-reached",
            Measure::Attendances => "attendances",
            Measure::Assessments => "assessments",
        }
    }
}

/// One cell: what it counts, how many people are behind it, and whether it is hidden.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The count (people, attendances or assessments).
    pub value: usize,
    /// The people behind it (`n`).
    pub people: usize,
    /// Hidden by the small-cell rule: show "< 5", never the numbers.
    pub hidden: bool,
}

impl Cell {
    fn small(people: usize) -> bool {
        (1..MIN_CELL).contains(&people)
    }
}

/// One measure across one dimension's columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What it counts.
    pub measure: Measure,
    /// One cell per column of the table.
    pub cells: Vec<Cell>,
    /// The whole row (distinct people; a person in two groups once).
    pub total: Cell,
}

/// One dimension's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The dimension.
    pub dimension: Dimension,
    /// Its columns: stored values, then [`NOT_SAID`].
    pub columns: Vec<String>,
    /// One row per measure.
    pub rows: Vec<Row>,
}

/// One DigComp area before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillRow {
    /// The area's stored name.
    pub area: &'static str,
    /// People assessed in this area at least twice.
    pub people: usize,
    /// Their mean score (0–3) at their first assessment; `None` when hidden or nobody.
    pub before: Option<f64>,
    /// … and at their latest.
    pub after: Option<f64>,
    /// Hidden by the small-cell rule.
    pub hidden: bool,
}

/// Every indicator for one filter.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicators {
    /// Sessions held, by the session's country code, and in all.
    pub sessions: Vec<(String, usize)>,
    /// Sessions held in all.
    pub sessions_total: usize,
    /// The totals of each measure, in [`Measure::ALL`] order.
    pub totals: Vec<Cell>,
    /// One table per dimension.
    pub tables: Vec<Table>,
    /// Skills by DigComp area, first against latest assessment.
    pub skills: Vec<SkillRow>,
    /// Requests sent with a volunteer's help in the period (counted by the caller from the
    /// inbox's index; `None` until it does), hidden below [`MIN_CELL`] like any cell.
    pub assisted: Option<u64>,
}

impl Filter {
    /// The period as milliseconds since the Unix epoch, `[from, until)`: the first day's start to
    /// the end of the last day on the municipality's clock; open ends reach the beginning and the
    /// end of time.
    pub fn period_ms(&self) -> (i64, i64) {
        use crate::dashboard::page::{date, parse_date};
        let start = |d: &Option<String>| d.as_deref().and_then(parse_date);
        let from = start(&self.from).unwrap_or(i64::MIN);
        // The next midnight on the municipality's clock: the start of the day 30 hours on.
        let until = start(&self.until).and_then(|ms| parse_date(&date(ms + 30 * 3_600_000))).unwrap_or(i64::MAX);
        (from, until)
    }
}

/// Each person's latest facts: those of their latest registration (by session date, then id).
fn latest_facts(sessions: &[IndexedSession]) -> HashMap<ProfileId, IndexedAttendee> {
    let mut ordered: Vec<&IndexedSession> = sessions.iter().collect();
    ordered.sort_by(|a, b| (&a.date, a.id.to_string()).cmp(&(&b.date, b.id.to_string())));
    let mut facts = HashMap::new();
    for s in ordered {
        for a in &s.attendees {
            facts.insert(a.profile, a.clone());
        }
    }
    facts
}

/// Hides small cells and what would give them away (the rule in the module's documentation).
fn suppress(cells: &mut [Cell], total: &mut Cell) {
    for c in cells.iter_mut() {
        c.hidden = Cell::small(c.people);
    }
    if cells.iter().filter(|c| c.hidden).count() == 1 {
        let partner = cells.iter_mut().filter(|c| !c.hidden && c.people > 0).min_by_key(|c| c.people);
        match partner {
            Some(c) => c.hidden = true,
            None => total.hidden = true,
        }
    }
    total.hidden |= Cell::small(total.people);
}

/// Counts everything `filter` takes.
pub fn compute(sessions: &[IndexedSession], assessments: &[IndexedAssessment], filter: &Filter) -> Indicators {
    let facts = latest_facts(sessions);
    let taken: Vec<&IndexedSession> = sessions.iter().filter(|s| filter.takes(s)).collect();

    let mut by_country: BTreeMap<String, usize> = BTreeMap::new();
    for s in &taken {
        *by_country.entry(s.country.clone()).or_default() += 1;
    }
    // Attendances per person in the period, and who took part in a session there.
    let mut attendances: BTreeMap<ProfileId, usize> = BTreeMap::new();
    let mut took_part: BTreeSet<ProfileId> = BTreeSet::new();
    for s in &taken {
        for a in &s.attendees {
            took_part.insert(a.profile);
            if a.present {
                *attendances.entry(a.profile).or_default() += 1;
            }
        }
    }
    let in_period = |a: &&IndexedAssessment| {
        filter.takes_date(&crate::dashboard::page::date(a.finished_at))
            && (filter.country.is_none() || took_part.contains(&a.profile))
    };
    let finished: Vec<&IndexedAssessment> = assessments.iter().filter(in_period).collect();
    let mut assessed: BTreeMap<ProfileId, usize> = BTreeMap::new();
    for a in &finished {
        *assessed.entry(a.profile).or_default() += 1;
    }

    let unknown = IndexedAttendee {
        profile: ProfileId::random(),
        present: false,
        gender: None,
        age: None,
        settlement: None,
        country: None,
        groups: String::new(),
        consented: false,
        lessons: 0,
        forms: 0,
    };
    let facts_of = |p: &ProfileId| facts.get(p).unwrap_or(&unknown);
    let per_measure = |m: Measure| -> &BTreeMap<ProfileId, usize> {
        match m {
            Measure::PeopleReached | Measure::Attendances => &attendances,
            Measure::Assessments => &assessed,
        }
    };
    let value = |m: Measure, n: usize| if m == Measure::PeopleReached { 1 } else { n };

    let mut totals = Vec::new();
    for m in Measure::ALL {
        let people = per_measure(m);
        let mut total =
            Cell { value: people.values().map(|n| value(m, *n)).sum(), people: people.len(), hidden: false };
        total.hidden = Cell::small(total.people);
        totals.push(total);
    }

    let mut tables = Vec::new();
    for dimension in Dimension::ALL {
        let mut columns: Vec<String> = dimension.values().into_iter().map(str::to_owned).collect();
        columns.push(NOT_SAID.to_owned());
        let mut rows = Vec::new();
        for m in Measure::ALL {
            let mut cells = vec![Cell::default(); columns.len()];
            for (profile, n) in per_measure(m) {
                for column in dimension.of(facts_of(profile)) {
                    let i = columns.iter().position(|c| *c == column).unwrap_or(columns.len() - 1);
                    cells[i].people += 1;
                    cells[i].value += value(m, *n);
                }
            }
            let mut total = totals[Measure::ALL.iter().position(|x| *x == m).unwrap_or(0)];
            total.hidden = false;
            suppress(&mut cells, &mut total);
            rows.push(Row { measure: m, cells, total });
        }
        tables.push(Table { dimension, columns, rows });
    }

    Indicators {
        sessions_total: taken.len(),
        sessions: by_country.into_iter().collect(),
        totals,
        tables,
        skills: skills(&finished),
        assisted: None,
    }
}

/// Skills by area, first against latest assessment of people assessed twice or more.
fn skills(finished: &[&IndexedAssessment]) -> Vec<SkillRow> {
    let mut per_person: BTreeMap<ProfileId, Vec<&IndexedAssessment>> = BTreeMap::new();
    for a in finished {
        per_person.entry(a.profile).or_default().push(a);
    }
    AREAS
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let (mut people, mut before, mut after) = (0usize, 0.0, 0.0);
            for list in per_person.values().filter(|l| l.len() >= 2) {
                let first = list.iter().min_by_key(|a| (a.finished_at, a.id.to_string()));
                let last = list.iter().max_by_key(|a| (a.finished_at, a.id.to_string()));
                if let (Some(Some(b)), Some(Some(a))) = (first.map(|a| a.areas[i]), last.map(|a| a.areas[i])) {
                    people += 1;
                    before += b.score;
                    after += a.score;
                }
            }
            let hidden = Cell::small(people);
            let shown = people > 0 && !hidden;
            SkillRow {
                area,
                people,
                before: shown.then(|| before / people as f64),
                after: shown.then(|| after / people as f64),
                hidden,
            }
        })
        .collect()
}

/// One row of the anonymised assessment export: no profile id, no name, no place finer than the
/// municipality, no day.
#[derive(Clone, Debug, PartialEq)]
pub struct AnonymousRow {
    /// A random pseudonym, the same for one person within one export and unrelated across exports.
    pub person: String,
    /// Which of the person's assessments in the export this is (1 = first).
    pub sequence: usize,
    /// `YYYY-MM` of finishing.
    pub month: String,
    /// Whether a volunteer took it.
    pub with_volunteer: bool,
    /// The municipality of the person's latest session (empty if none).
    pub municipality: String,
    /// The person's latest facts (stored names; empty: not said).
    pub gender: String,
    /// Age band.
    pub age: String,
    /// Rural or urban.
    pub settlement: String,
    /// Country code.
    pub country: String,
    /// Target groups, `;`-separated.
    pub groups: String,
    /// Per area, in [`AREAS`] order: score and level.
    pub areas: [Option<(f64, u8)>; 5],
}

/// The anonymised rows of the finished assessments `filter` takes, ordered by pseudonym so the
/// order tells nothing either.
pub fn anonymous_rows(
    sessions: &[IndexedSession],
    assessments: &[IndexedAssessment],
    filter: &Filter,
) -> Vec<AnonymousRow> {
    let facts = latest_facts(sessions);
    let mut municipality: HashMap<ProfileId, String> = HashMap::new();
    let mut ordered: Vec<&IndexedSession> = sessions.iter().collect();
    ordered.sort_by(|a, b| a.date.cmp(&b.date));
    let mut took_part = BTreeSet::new();
    for s in ordered {
        for a in &s.attendees {
            municipality.insert(a.profile, s.municipality.clone());
            if filter.takes(s) {
                took_part.insert(a.profile);
            }
        }
    }
    let mut pseudonyms: HashMap<ProfileId, String> = HashMap::new();
    let mut counts: HashMap<ProfileId, usize> = HashMap::new();
    let mut chosen: Vec<&IndexedAssessment> = assessments
        .iter()
        .filter(|a| {
            filter.takes_date(&crate::dashboard::page::date(a.finished_at))
                && (filter.country.is_none() || took_part.contains(&a.profile))
        })
        .collect();
    chosen.sort_by_key(|a| a.finished_at);
    let mut rows: Vec<AnonymousRow> = chosen
        .into_iter()
        .map(|a| {
            let person = pseudonyms
                .entry(a.profile)
                .or_insert_with(|| {
                    let mut bytes = [0u8; 6];
                    OsRng.fill_bytes(&mut bytes);
                    format!("P-{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
                })
                .clone();
            let n = counts.entry(a.profile).or_default();
            *n += 1;
            let f = facts.get(&a.profile);
            let fact =
                |get: fn(&IndexedAttendee) -> &Option<String>| f.and_then(|f| get(f).clone()).unwrap_or_default();
            AnonymousRow {
                person,
                sequence: *n,
                month: crate::dashboard::page::month(a.finished_at),
                with_volunteer: a.taken_by.is_some(),
                municipality: municipality.get(&a.profile).cloned().unwrap_or_default(),
                gender: fact(|f| &f.gender),
                age: fact(|f| &f.age),
                settlement: fact(|f| &f.settlement),
                country: fact(|f| &f.country),
                groups: f.map(|f| f.groups.replace(',', ";")).unwrap_or_default(),
                areas: a.areas.map(|r| r.map(|r| (r.score, r.level))),
            }
        })
        .collect();
    rows.sort_by(|a, b| (&a.person, a.sequence).cmp(&(&b.person, b.sequence)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(people: usize) -> Cell {
        Cell { value: people, people, hidden: false }
    }

    #[test]
    fn a_lone_small_cell_takes_a_partner_so_the_total_does_not_give_it_away() {
        let mut cells = vec![cell(4), cell(7), cell(9), cell(0)];
        let mut total = cell(20);
        suppress(&mut cells, &mut total);
        assert_eq!(cells.iter().map(|c| c.hidden).collect::<Vec<_>>(), [true, true, false, false]);
        assert!(!total.hidden, "20 − 9 − 0 = 11: two cells' sum, not the small one");

        let mut cells = vec![cell(3), cell(0)];
        let mut total = cell(3);
        suppress(&mut cells, &mut total);
        assert!(cells[0].hidden && total.hidden, "no partner: the total goes");

        let mut cells = vec![cell(5), cell(6), cell(2), cell(1)];
        let mut total = cell(14);
        suppress(&mut cells, &mut total);
        assert_eq!(cells.iter().map(|c| c.hidden).collect::<Vec<_>>(), [false, false, true, true]);
    }
}

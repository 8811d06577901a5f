//! The project's indicators page (`/dashboard/indicators`, project members and admins), its CSV
//! export and the anonymised export of assessment rows. The counting and the small-cell rule are
//! in [`crate::indicators`]; this only shows them.

use axum::{
    extract::{Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use maud::{Markup, html};
use mcommunity_core::i18n::Arg;
use serde::Deserialize;

use super::{
    inbox::select,
    page::{page, parse_date},
    stats,
    web::{Lang, PageError, Staff},
};
use crate::{
    AppState,
    indicators::{self, Cell, Dimension, Filter, Indicators, MIN_CELL, Measure, NOT_SAID},
    now_ms, staff,
    storage::dashboard::AREAS,
};

/// The page's filters, as the form sends them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct IndicatorQuery {
    /// First day, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    #[serde(default)]
    pub until: String,
    /// Country code.
    #[serde(default)]
    pub country: String,
}

impl IndicatorQuery {
    fn filter(&self) -> Filter {
        let day = |s: &str| parse_date(s).map(|_| s.trim().to_owned());
        let country = self.country.trim();
        Filter {
            from: day(&self.from),
            until: day(&self.until),
            country: Dimension::Country.values().contains(&country).then(|| country.to_owned()),
        }
    }

    fn query_string(&self) -> String {
        let f = self.filter();
        serde_urlencoded::to_string([
            ("from", f.from.unwrap_or_default()),
            ("until", f.until.unwrap_or_default()),
            ("country", f.country.unwrap_or_default()),
        ])
        .unwrap_or_default()
    }
}

/// The name of a column value of `dimension`.
fn value_name(lang: Lang, dimension: Dimension, value: &str) -> String {
    match (dimension, value) {
        (_, NOT_SAID) => lang.t("dash-ind-not-said"),
        (Dimension::Age, v) => v.replace('-', "–"),
        (Dimension::Country, v) => lang.t(&format!("dash-ind-country-{}", v.to_lowercase())),
        (d, v) => lang.t(&format!("dash-ind-{}-{v}", d.as_str())),
    }
}

fn measure_name(lang: Lang, m: Measure) -> String {
    lang.t(&format!("dash-ind-{}", m.as_str()))
}

fn area_name(lang: Lang, area: &str) -> String {
    lang.t(&format!("dash-ind-area-{area}"))
}

fn hidden_text() -> String {
    format!("< {MIN_CELL}")
}

/// A cell as shown: hidden ones as "< 5"; where the count is not of people, its n beside it.
fn cell(lang: Lang, m: Measure, c: &Cell) -> Markup {
    html! {
        @if c.hidden {
            (hidden_text())
        } @else if m == Measure::PeopleReached {
            (c.value)
        } @else {
            (c.value) " " span.n { "(" (lang.ta("dash-ind-n", &[("n", Arg::Number(c.people as i64))])) ")" }
        }
    }
}

fn table(lang: Lang, t: &indicators::Table) -> Markup {
    let caption = lang.t(&format!("dash-ind-by-{}", t.dimension.as_str()));
    html! {
        h3 { (caption) }
        div.scroll role="region" aria-label=(caption) tabindex="0" {
            table {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (lang.t("dash-ind-col-measure")) }
                    @for c in &t.columns { th.num scope="col" { (value_name(lang, t.dimension, c)) } }
                    th.num scope="col" { (lang.t("dash-ind-total")) }
                } }
                tbody {
                    @for row in &t.rows {
                        tr {
                            th scope="row" { (measure_name(lang, row.measure)) }
                            @for c in &row.cells { td.num { (cell(lang, row.measure, c)) } }
                            td.num { (cell(lang, row.measure, &row.total)) }
                        }
                    }
                }
            }
        }
    }
}

fn score(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".to_owned())
}

fn change(before: Option<f64>, after: Option<f64>) -> String {
    match (before, after) {
        (Some(b), Some(a)) => format!("{:+.2}", a - b),
        _ => "—".to_owned(),
    }
}

fn body(lang: Lang, q: &IndicatorQuery, ind: &Indicators) -> Markup {
    let filter = q.filter();
    let countries: Vec<(String, String)> = Dimension::Country
        .values()
        .into_iter()
        .map(|c| (c.to_owned(), value_name(lang, Dimension::Country, c)))
        .collect();
    let query = q.query_string();
    html! {
        p { (lang.t("dash-ind-intro")) }
        form method="get" action="/dashboard/indicators" {
            fieldset {
                legend { (lang.t("dash-filters")) }
                div.filters {
                    div {
                        label for="from" { (lang.t("dash-filter-from")) }
                        input #from name="from" type="date" value=(filter.from.clone().unwrap_or_default());
                    }
                    div {
                        label for="until" { (lang.t("dash-filter-until")) }
                        input #until name="until" type="date" value=(filter.until.clone().unwrap_or_default());
                    }
                    (select(lang, "country", &lang.t("dash-ind-country"), filter.country.as_deref().unwrap_or(""), countries))
                }
                div.actions { button type="submit" { (lang.t("dash-filter-apply")) } }
            }
        }
        h2 { (lang.t("dash-totals")) }
        dl.facts {
            dt { (lang.t("dash-ind-sessions-held")) } dd { (ind.sessions_total) }
            @for (m, c) in Measure::ALL.iter().zip(&ind.totals) {
                dt { (measure_name(lang, *m)) } dd { (cell(lang, *m, c)) }
            }
            @if let Some(n) = ind.assisted {
                dt { (lang.t("dash-ind-assisted")) }
                dd { @if n > 0 && (n as usize) < MIN_CELL { (hidden_text()) } @else { (n) } }
            }
        }
        p.note { (lang.ta("dash-ind-small-cells", &[("min", Arg::Number(MIN_CELL as i64))])) }
        h2 { (lang.t("dash-ind-sessions-held")) }
        div.scroll role="region" aria-label=(lang.t("dash-ind-sessions-by-country")) tabindex="0" {
            table {
                caption { (lang.t("dash-ind-sessions-by-country")) }
                thead { tr {
                    th scope="col" { (lang.t("dash-ind-country")) }
                    th.num scope="col" { (lang.t("dash-ind-sessions-held")) }
                } }
                tbody {
                    @for (country, n) in &ind.sessions {
                        tr { th scope="row" { (value_name(lang, Dimension::Country, country)) } td.num { (n) } }
                    }
                    tr { th scope="row" { (lang.t("dash-ind-total")) } td.num { (ind.sessions_total) } }
                }
            }
        }
        h2 { (lang.t("dash-ind-breakdown")) }
        @for t in &ind.tables { (table(lang, t)) }
        h2 { (lang.t("dash-ind-skills")) }
        p { (lang.t("dash-ind-skills-intro")) }
        div.scroll role="region" aria-label=(lang.t("dash-ind-skills")) tabindex="0" {
            table {
                caption { (lang.t("dash-ind-skills")) }
                thead { tr {
                    th scope="col" { (lang.t("dash-ind-area")) }
                    th.num scope="col" { (lang.t("dash-ind-people")) }
                    th.num scope="col" { (lang.t("dash-ind-before")) }
                    th.num scope="col" { (lang.t("dash-ind-after")) }
                    th.num scope="col" { (lang.t("dash-ind-change")) }
                } }
                tbody {
                    @for s in &ind.skills {
                        tr {
                            th scope="row" { (area_name(lang, s.area)) }
                            @if s.hidden {
                                td.num { (hidden_text()) } td.num { "—" } td.num { "—" } td.num { "—" }
                            } @else {
                                td.num { (s.people) }
                                td.num { (score(s.before)) }
                                td.num { (score(s.after)) }
                                td.num { (change(s.before, s.after)) }
                            }
                        }
                    }
                }
            }
        }
        h2 { (lang.t("dash-export")) }
        p { (lang.t("dash-ind-export-note")) }
        ul.exports {
            li { a.button href={ "/dashboard/indicators/indicators.csv?" (query) } download { (lang.t("dash-ind-export-tables")) } }
            li { a.button href={ "/dashboard/indicators/assessments.csv?" (query) } download { (lang.t("dash-ind-export-assessments")) } }
        }
    }
}

async fn load(state: &AppState, q: &IndicatorQuery) -> Result<Indicators, PageError> {
    let sessions = state.storage.indexed_sessions().await?;
    let assessments = state.storage.indexed_assessments().await?;
    let filter = q.filter();
    let mut ind = indicators::compute(&sessions, &assessments, &filter);
    let (from, until) = filter.period_ms();
    ind.assisted = Some(state.storage.assisted_count(from, until).await?);
    Ok(ind)
}

fn allowed(staff: &Staff) -> Result<(), PageError> {
    if staff.role.sees_indicators() { Ok(()) } else { Err(PageError::Forbidden) }
}

/// `GET /dashboard/indicators`.
pub async fn indicators(
    State(state): State<AppState>,
    lang: Lang,
    staff: Staff,
    Query(q): Query<IndicatorQuery>,
) -> Result<Response, PageError> {
    allowed(&staff)?;
    let ind = load(&state, &q).await?;
    Ok(page(lang, &lang.t("dash-ind-title"), "/dashboard/indicators", Some(&staff), body(lang, &q, &ind))
        .into_response())
}

fn csv_response(lines: &[Vec<String>], filename: &'static str) -> Response {
    let mut response = stats::csv(lines).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(filename));
    response
}

/// The indicator tables as CSV lines (one line per cell), hidden cells as "< 5".
pub fn table_lines(lang: Lang, ind: &Indicators) -> Vec<Vec<String>> {
    let mut lines = vec![vec![
        lang.t("dash-ind-csv-table"),
        lang.t("dash-ind-col-measure"),
        lang.t("dash-ind-csv-category"),
        lang.t("dash-ind-csv-value"),
        lang.t("dash-ind-csv-people"),
    ]];
    let shown = |c: &Cell| {
        if c.hidden { (hidden_text(), hidden_text()) } else { (c.value.to_string(), c.people.to_string()) }
    };
    let total = lang.t("dash-ind-total");
    let sessions = lang.t("dash-ind-sessions-held");
    for (country, n) in &ind.sessions {
        let name = value_name(lang, Dimension::Country, country);
        lines.push(vec![lang.t("dash-ind-sessions-by-country"), sessions.clone(), name, n.to_string(), String::new()]);
    }
    lines.push(vec![
        lang.t("dash-ind-sessions-by-country"),
        sessions.clone(),
        total.clone(),
        ind.sessions_total.to_string(),
        String::new(),
    ]);
    if let Some(n) = ind.assisted {
        let shown = if n > 0 && (n as usize) < MIN_CELL { hidden_text() } else { n.to_string() };
        let assisted = lang.t("dash-ind-assisted");
        lines.push(vec![assisted.clone(), assisted, total.clone(), shown, String::new()]);
    }
    for t in &ind.tables {
        let caption = lang.t(&format!("dash-ind-by-{}", t.dimension.as_str()));
        for row in &t.rows {
            for (column, c) in t.columns.iter().zip(&row.cells).chain([(&total, &row.total)]) {
                let name = if column == &total { total.clone() } else { value_name(lang, t.dimension, column) };
                let (value, people) = shown(c);
                lines.push(vec![caption.clone(), measure_name(lang, row.measure), name, value, people]);
            }
        }
    }
    let skills = lang.t("dash-ind-skills");
    for s in &ind.skills {
        let area = area_name(lang, s.area);
        let people = if s.hidden { hidden_text() } else { s.people.to_string() };
        let (before, after) = if s.hidden { (hidden_text(), hidden_text()) } else { (score(s.before), score(s.after)) };
        lines.push(vec![skills.clone(), lang.t("dash-ind-before"), area.clone(), before, people.clone()]);
        lines.push(vec![skills.clone(), lang.t("dash-ind-after"), area, after, people]);
    }
    lines
}

/// `GET /dashboard/indicators/indicators.csv`: the page's tables.
pub async fn export_tables(
    State(state): State<AppState>,
    lang: Lang,
    staff: Staff,
    Query(q): Query<IndicatorQuery>,
) -> Result<Response, PageError> {
    allowed(&staff)?;
    let ind = load(&state, &q).await?;
    staff::record(&*state.storage, now_ms(), &staff.username, "indicators-export", "", "tables").await?;
    Ok(csv_response(&table_lines(lang, &ind), "attachment; filename=\"mcommunity-indicators.csv\""))
}

/// `GET /dashboard/indicators/assessments.csv`: one anonymised row per finished assessment.
pub async fn export_assessments(
    State(state): State<AppState>,
    lang: Lang,
    staff: Staff,
    Query(q): Query<IndicatorQuery>,
) -> Result<Response, PageError> {
    allowed(&staff)?;
    let sessions = state.storage.indexed_sessions().await?;
    let assessments = state.storage.indexed_assessments().await?;
    let rows = indicators::anonymous_rows(&sessions, &assessments, &q.filter());
    let mut header_row = vec![
        lang.t("dash-ind-csv-person"),
        lang.t("dash-ind-csv-sequence"),
        lang.t("dash-month"),
        lang.t("dash-ind-csv-with-volunteer"),
        lang.t("dash-ind-csv-municipality"),
        lang.t("dash-ind-by-gender"),
        lang.t("dash-ind-by-age"),
        lang.t("dash-ind-by-settlement"),
        lang.t("dash-ind-by-country"),
        lang.t("dash-ind-by-group"),
    ];
    for area in AREAS {
        let name = area_name(lang, area);
        header_row.push(lang.ta("dash-ind-csv-score", &[("area", Arg::Text(&name))]));
        header_row.push(lang.ta("dash-ind-csv-level", &[("area", Arg::Text(&name))]));
    }
    let mut lines = vec![header_row];
    let fact =
        |d: Dimension, v: &str| if v.is_empty() { value_name(lang, d, NOT_SAID) } else { value_name(lang, d, v) };
    for r in &rows {
        let groups = if r.groups.is_empty() {
            value_name(lang, Dimension::Group, NOT_SAID)
        } else {
            r.groups.split(';').map(|g| value_name(lang, Dimension::Group, g)).collect::<Vec<_>>().join("; ")
        };
        let mut line = vec![
            r.person.clone(),
            r.sequence.to_string(),
            r.month.clone(),
            lang.t(if r.with_volunteer { "dash-yes" } else { "dash-no" }),
            r.municipality.clone(),
            fact(Dimension::Gender, &r.gender),
            fact(Dimension::Age, &r.age),
            fact(Dimension::Settlement, &r.settlement),
            fact(Dimension::Country, &r.country),
            groups,
        ];
        for area in r.areas {
            line.push(area.map(|(s, _)| format!("{s:.2}")).unwrap_or_default());
            line.push(area.map(|(_, l)| l.to_string()).unwrap_or_default());
        }
        lines.push(line);
    }
    staff::record(&*state.storage, now_ms(), &staff.username, "indicators-export", "", "assessments").await?;
    tracing::info!(rows = rows.len(), "anonymised assessment export");
    Ok(csv_response(&lines, "attachment; filename=\"mcommunity-assessments-anonymised.csv\""))
}

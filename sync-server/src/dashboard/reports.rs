//! Reports for staff (counts by status, category and month; first-reply time median and 90th
//! percentile; the CSV export) and the public transparency page (no names, no texts, nothing finer
//! than a village). Both count from the index, never from documents.

use axum::{
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use maud::{Markup, html};
use mcommunity_core::{categories::CategoryList, i18n::Arg};

use super::{
    inbox::{category_name, kind_name, status_name, village_name},
    page::{date, hours, month, page, words},
    stats::{self, Summary},
    web::{Lang, PageError, Staff},
};
use crate::{AppState, now_ms, staff, storage::dashboard::InboxFilter};

fn duration(ms: Option<i64>, lang: Lang) -> String {
    match ms {
        Some(ms) => lang.ta("dash-hours", &[("hours", Arg::Text(&hours(ms)))]),
        None => "—".to_owned(),
    }
}

/// A table of summaries, one row per group.
fn summary_table(lang: Lang, caption: &str, first_col: &str, groups: &[(String, Summary)]) -> Markup {
    html! {
        div.scroll role="region" aria-label=(caption) tabindex="0" {
            table {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (first_col) }
                    th.num scope="col" { (lang.t("dash-received")) }
                    th.num scope="col" { (lang.t("dash-answered-share")) }
                    th.num scope="col" { (lang.t("dash-median")) }
                    th.num scope="col" { (lang.t("dash-p90")) }
                } }
                tbody {
                    @for (name, s) in groups {
                        tr {
                            th scope="row" { (name) }
                            td.num { (s.received) }
                            td.num { (s.answered_percent()) " %" }
                            td.num { (duration(s.median_ms, lang)) }
                            td.num { (duration(s.p90_ms, lang)) }
                        }
                    }
                }
            }
        }
    }
}

fn totals(lang: Lang, s: &Summary) -> Markup {
    html! {
        dl.facts {
            dt { (lang.t("dash-received")) } dd { (s.received) }
            dt { (lang.t("dash-answered-share")) } dd { (s.answered_percent()) " %" }
            dt { (lang.t("dash-median")) } dd { (duration(s.median_ms, lang)) }
            dt { (lang.t("dash-p90")) } dd { (duration(s.p90_ms, lang)) }
        }
    }
}

fn count_table(lang: Lang, caption: &str, first_col: &str, counts: &[(String, usize)]) -> Markup {
    html! {
        div.scroll role="region" aria-label=(caption) tabindex="0" {
            table {
                caption { (caption) }
                thead { tr { th scope="col" { (first_col) } th.num scope="col" { (lang.t("dash-count")) } } }
                tbody {
                    @for (name, n) in counts { tr { th scope="row" { (name) } td.num { (n) } } }
                }
            }
        }
    }
}

fn named(groups: Vec<(String, Summary)>, name: impl Fn(&str) -> String) -> Vec<(String, Summary)> {
    groups.into_iter().map(|(k, s)| (name(&k), s)).collect()
}

/// `GET /dashboard/reports`.
pub async fn reports(State(state): State<AppState>, lang: Lang, staff: Staff) -> Result<Response, PageError> {
    let rows = state.storage.report_rows().await?;
    let categories = crate::categories::ensure(&*state.storage).await?;
    let by_status: Vec<(String, usize)> =
        stats::counts(&rows, |r| r.status.as_str()).into_iter().map(|(k, n)| (status_name(&k, lang), n)).collect();
    let by_category = named(stats::by(&rows, |r| r.category.clone()), |k| category_name(&categories, k, lang));
    let by_month = stats::by(&rows, |r| month(r.sent_at));
    let by_kind = named(stats::by(&rows, |r| r.kind.clone()), |k| kind_name(k, lang));
    let body = html! {
        h2 { (lang.t("dash-totals")) }
        (totals(lang, &stats::summarize(&rows)))
        h2 { (lang.t("dash-by-status")) }
        (count_table(lang, &lang.t("dash-by-status"), &lang.t("dash-col-status"), &by_status))
        h2 { (lang.t("dash-by-category")) }
        (summary_table(lang, &lang.t("dash-by-category"), &lang.t("dash-col-category"), &by_category))
        h2 { (lang.t("dash-by-kind")) }
        (summary_table(lang, &lang.t("dash-by-kind"), &lang.t("dash-col-kind"), &by_kind))
        h2 { (lang.t("dash-by-month")) }
        (summary_table(lang, &lang.t("dash-by-month"), &lang.t("dash-month"), &by_month))
        h2 { (lang.t("dash-export")) }
        p { (lang.t(if staff.role.is_admin() { "dash-export-full" } else { "dash-export-anonymous" })) }
        p { a.button href="/dashboard/reports/submissions.csv" download { (lang.t("dash-export-download")) } }
    };
    Ok(page(lang, &lang.t("dash-reports-title"), "/dashboard/reports", Some(&staff), body).into_response())
}

/// `GET /dashboard/reports/submissions.csv`: every sent submission; texts, authors and coordinates
/// only for admins.
pub async fn export(State(state): State<AppState>, lang: Lang, staff: Staff) -> Result<Response, PageError> {
    let storage = &*state.storage;
    let full = staff.role.is_admin();
    let categories: CategoryList = crate::categories::ensure(storage).await?;
    let mut header_row = vec![
        lang.t("dash-csv-id"),
        lang.t("dash-col-sent"),
        lang.t("dash-col-kind"),
        lang.t("dash-col-category"),
        lang.t("dash-col-status"),
        lang.t("dash-first-reply"),
        lang.t("dash-village"),
        lang.t("dash-has-photo"),
        lang.t("dash-has-voice"),
    ];
    if full {
        header_row.extend([lang.t("dash-csv-author"), lang.t("dash-col-title"), lang.t("dash-text")]);
    }
    let mut lines = vec![header_row];
    let mut offset = 0;
    loop {
        let (rows, _) = storage.inbox(&InboxFilter::default(), 1000, offset).await?;
        if rows.is_empty() {
            break;
        }
        offset += rows.len() as u32;
        for r in rows {
            let yes_no = |b: bool| lang.t(if b { "dash-yes" } else { "dash-no" });
            let mut line = vec![
                r.id.to_string(),
                date(r.sent_at),
                kind_name(&r.kind, lang),
                category_name(&categories, &r.category, lang),
                status_name(&r.status, lang),
                r.first_reply_at.map(date).unwrap_or_default(),
                r.village.as_deref().map(village_name).unwrap_or_default(),
                yes_no(r.has_photo),
                yes_no(r.has_voice),
            ];
            if full {
                line.extend([r.author.to_string(), r.title, r.text]);
            }
            lines.push(line);
        }
    }
    let count = lines.len() - 1;
    staff::record(storage, now_ms(), &staff.username, "csv-export", "", if full { "full" } else { "anonymous" })
        .await?;
    tracing::info!(rows = count, full, "csv export");
    let mut response = stats::csv(&lines).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"mcommunity-submissions.csv\""),
    );
    Ok(response)
}

/// `GET /transparency`: public numbers, no login.
pub async fn transparency(State(state): State<AppState>, lang: Lang) -> Result<Response, PageError> {
    let rows = state.storage.report_rows().await?;
    let categories = crate::categories::ensure(&*state.storage).await?;
    let by_category = named(stats::by(&rows, |r| r.category.clone()), |k| category_name(&categories, k, lang));
    let by_month = stats::by(&rows, |r| month(r.sent_at));
    let by_village = named(stats::by(&rows, |r| r.village.clone().unwrap_or_default()), |k| {
        if k.is_empty() { lang.t("dash-location-none") } else { village_name(k) }
    });
    let body = html! {
        p { (words(&lang.t("dash-transparency-intro"))) }
        h2 { (lang.t("dash-totals")) }
        (totals(lang, &stats::summarize(&rows)))
        h2 { (lang.t("dash-by-category")) }
        (summary_table(lang, &lang.t("dash-by-category"), &lang.t("dash-col-category"), &by_category))
        h2 { (lang.t("dash-by-month")) }
        (summary_table(lang, &lang.t("dash-by-month"), &lang.t("dash-month"), &by_month))
        h2 { (lang.t("dash-by-village")) }
        (summary_table(lang, &lang.t("dash-by-village"), &lang.t("dash-village"), &by_village))
        p.note { (lang.t("dash-transparency-privacy")) }
    };
    Ok(page(lang, &lang.t("dash-transparency-title"), "/transparency", None, body).into_response())
}

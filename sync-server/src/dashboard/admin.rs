//! The admins' pages: announcements (write one per language, optional picture, publish,
//! withdraw), the categories of submissions (add, rename, retire), and the audit log. Every page
//! here answers 403 to any other role.

use std::collections::BTreeMap;

use axum::{
    extract::{Multipart, Path, Query, State},
    response::{IntoResponse, Response},
};
use maud::html;
use mcommunity_core::{
    categories::{self, CategoryEntry},
    i18n::Arg,
    locale::Locale,
    media::{self, MediaType},
};
use serde::Deserialize;

use super::{
    page::{csrf, datetime, page, words},
    see_other,
    web::{Lang, PageError, Posted, Staff, csrf_matches},
};
use crate::{AppState, now_ms, staff, storage::dashboard::Role};

/// The largest announcement picture accepted.
const MAX_PICTURE: usize = 5 * 1024 * 1024;

/// `GET /dashboard/announcements`.
pub async fn announcements(State(state): State<AppState>, lang: Lang, staff: Staff) -> Result<Response, PageError> {
    staff.require(Role::Admin)?;
    let list = state.storage.announcements().await?;
    let body = html! {
        h2 #new-heading { (lang.t("dash-announcement-new")) }
        form method="post" action="/dashboard/announcements" enctype="multipart/form-data" aria-labelledby="new-heading" {
            (csrf(&staff))
            p { (lang.t("dash-announcement-help")) }
            @for l in Locale::ALL {
                fieldset lang=(Lang(l).tag()) {
                    legend { (l.native_name()) }
                    label for={ "title-" (l.code()) } { (Lang(l).t("dash-announcement-title")) }
                    input id={ "title-" (l.code()) } name={ "title-" (l.code()) } type="text" maxlength="200";
                    label for={ "text-" (l.code()) } { (Lang(l).t("dash-announcement-text")) }
                    textarea id={ "text-" (l.code()) } name={ "text-" (l.code()) } maxlength="4000" {}
                }
            }
            label for="picture" { (lang.t("dash-announcement-picture")) }
            input #picture name="picture" type="file" accept="image/jpeg,image/png";
            div.actions { button type="submit" { (lang.t("dash-announcement-publish")) } }
        }
        h2 { (lang.t("dash-announcements-list")) }
        @if list.is_empty() { p { (lang.t("dash-announcements-none")) } }
        @else {
            div.scroll role="region" aria-label=(lang.t("dash-announcements-list")) tabindex="0" {
                table {
                    caption { (lang.t("dash-announcements-list")) }
                    thead { tr {
                        th scope="col" { (lang.t("dash-announcement-title")) }
                        th scope="col" { (lang.t("dash-published")) }
                        th scope="col" { (lang.t("dash-withdrawn")) }
                        th scope="col" { (lang.t("dash-actions")) }
                    } }
                    tbody {
                        @for a in &list {
                            tr {
                                th.wrap scope="row" { (a.title) }
                                td { (datetime(a.published_at)) }
                                td { @if let Some(w) = a.withdrawn_at { (datetime(w)) } @else { "—" } }
                                td {
                                    @if a.withdrawn_at.is_none() {
                                        form method="post" action={ "/dashboard/announcements/" (a.id) "/withdraw" } {
                                            (csrf(&staff))
                                            button.secondary type="submit" { (lang.ta("dash-announcement-withdraw", &[("title", Arg::Text(&a.title))])) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(lang, &lang.t("dash-announcements-title"), "/dashboard/announcements", Some(&staff), body).into_response())
}

/// `POST /dashboard/announcements` (multipart: `csrf`, `title-<l>`, `text-<l>`, `picture`).
pub async fn publish(State(state): State<AppState>, staff: Staff, mut form: Multipart) -> Result<Response, PageError> {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let mut picture: Option<Vec<u8>> = None;
    while let Some(field) = form.next_field().await.map_err(|_| PageError::BadRequest)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "picture" {
            let bytes = field.bytes().await.map_err(|_| PageError::BadRequest)?;
            if !bytes.is_empty() {
                picture = Some(bytes.to_vec());
            }
        } else {
            let text = field.text().await.map_err(|_| PageError::BadRequest)?;
            fields.insert(name, text);
        }
    }
    let token = fields.get("csrf").map(String::as_str).unwrap_or_default();
    if !csrf_matches(format!("csrf={}", urlencode(token)).as_bytes(), &staff.csrf) {
        return Err(PageError::BadCsrf);
    }
    staff.require(Role::Admin)?;
    let mut texts = Vec::new();
    for l in Locale::ALL {
        let title = fields.get(&format!("title-{}", l.code())).map(|s| s.trim().to_owned()).unwrap_or_default();
        let text = fields.get(&format!("text-{}", l.code())).map(|s| s.trim().to_owned()).unwrap_or_default();
        match (title.is_empty(), text.is_empty()) {
            (true, true) => {}
            (false, false) => texts.push((l, title, text)),
            _ => return Err(PageError::BadRequest),
        }
    }
    if texts.is_empty() {
        return Err(PageError::BadRequest);
    }
    let picture = match picture {
        Some(bytes) => {
            let kind = media::sniff(&bytes).filter(|k| matches!(k, MediaType::Jpeg | MediaType::Png));
            let Some(kind) = kind else { return Err(PageError::BadRequest) };
            if bytes.len() > MAX_PICTURE || media::check(kind, &bytes).is_err() {
                return Err(PageError::BadRequest);
            }
            let (hash, _) = state.blobs.publish(&bytes).map_err(|e| {
                PageError::Internal(crate::storage::StorageError::Database(format!("blob folder: {e}")))
            })?;
            Some(hash)
        }
        None => None,
    };
    crate::announcements::publish(&*state.storage, &staff.username, &texts, picture, now_ms()).await?;
    Ok(see_other("/dashboard/announcements"))
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|e| e.trim_start_matches('=').to_owned()).unwrap_or_default()
}

/// `POST /dashboard/announcements/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> Result<Response, PageError> {
    posted.staff.require(Role::Admin)?;
    let id = id.parse().map_err(|_| PageError::NotFound)?;
    if !crate::announcements::withdraw(&*state.storage, &posted.staff.username, id, now_ms()).await? {
        return Err(PageError::NotFound);
    }
    Ok(see_other("/dashboard/announcements"))
}

fn name_inputs(prefix: &str, entry: Option<&CategoryEntry>) -> maud::Markup {
    html! {
        @for l in Locale::ALL {
            label for={ (prefix) "-" (l.code()) } lang=(Lang(l).tag()) { (Lang(l).t("dash-category-name")) " (" (l.native_name()) ")" }
            input id={ (prefix) "-" (l.code()) } name={ "name-" (l.code()) } type="text" maxlength="80" required
                value=(entry.and_then(|e| e.names.get(&l)).map(String::as_str).unwrap_or_default());
        }
    }
}

/// `GET /dashboard/categories`.
pub async fn categories(State(state): State<AppState>, lang: Lang, staff: Staff) -> Result<Response, PageError> {
    staff.require(Role::Admin)?;
    let list = crate::categories::ensure(&*state.storage).await?;
    let body = html! {
        p { (lang.t("dash-categories-help")) }
        @for entry in &list.items {
            section aria-labelledby={ "cat-" (entry.id) } {
                h2 id={ "cat-" (entry.id) } {
                    (list.name_of(&entry.id, lang.0).unwrap_or(&entry.id))
                    @if entry.retired { " " span.pill { (lang.t("dash-category-retired")) } }
                }
                form method="post" action={ "/dashboard/categories/" (entry.id) } {
                    (csrf(&staff))
                    input type="hidden" name="action" value="rename";
                    (name_inputs(&format!("rename-{}", entry.id), Some(entry)))
                    div.actions { button type="submit" { (lang.t("dash-category-rename")) } }
                }
                form method="post" action={ "/dashboard/categories/" (entry.id) } {
                    (csrf(&staff))
                    @if entry.retired {
                        input type="hidden" name="action" value="restore";
                        div.actions { button.secondary type="submit" { (lang.t("dash-category-restore")) } }
                    } @else {
                        input type="hidden" name="action" value="retire";
                        div.actions { button.secondary type="submit" { (lang.t("dash-category-retire")) } }
                    }
                }
            }
        }
        h2 #add-heading { (lang.t("dash-category-add")) }
        form method="post" action="/dashboard/categories" aria-labelledby="add-heading" {
            (csrf(&staff))
            label for="new-id" { (words(&lang.t("dash-category-id"))) }
            input #new-id name="id" type="text" required pattern="[a-z0-9-]{1,40}" maxlength="40";
            (name_inputs("new", None))
            div.actions { button type="submit" { (lang.t("dash-category-add")) } }
        }
    };
    Ok(page(lang, &lang.t("dash-categories-title"), "/dashboard/categories", Some(&staff), body).into_response())
}

/// A category form: an action and a name per language.
#[derive(Deserialize)]
pub struct CategoryForm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    action: String,
    #[serde(flatten)]
    names: BTreeMap<String, String>,
}

fn names_of(form: &CategoryForm) -> Result<BTreeMap<Locale, String>, PageError> {
    Locale::ALL
        .iter()
        .map(|l| {
            let name = form.names.get(&format!("name-{}", l.code())).map(|s| s.trim().to_owned()).unwrap_or_default();
            if name.is_empty() || name.chars().count() > 80 { Err(PageError::BadRequest) } else { Ok((*l, name)) }
        })
        .collect()
}

/// `POST /dashboard/categories`: adds one.
pub async fn add_category(State(state): State<AppState>, posted: Posted<CategoryForm>) -> Result<Response, PageError> {
    posted.staff.require(Role::Admin)?;
    let storage = &*state.storage;
    let id = posted.form.id.trim().to_owned();
    let mut list = crate::categories::ensure(storage).await?;
    if !categories::valid_id(&id) || list.items.iter().any(|c| c.id == id) {
        return Err(PageError::BadRequest);
    }
    list.items.push(CategoryEntry { id: id.clone(), names: names_of(&posted.form)?, retired: false });
    crate::categories::save(storage, &list).await?;
    staff::record(storage, now_ms(), &posted.staff.username, "category-add", &id, "").await?;
    Ok(see_other("/dashboard/categories"))
}

/// `POST /dashboard/categories/{id}`: renames, retires or restores one.
pub async fn change_category(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<CategoryForm>,
) -> Result<Response, PageError> {
    posted.staff.require(Role::Admin)?;
    let storage = &*state.storage;
    let mut list = crate::categories::ensure(storage).await?;
    let entry = list.items.iter_mut().find(|c| c.id == id).ok_or(PageError::NotFound)?;
    let action = posted.form.action.as_str();
    match action {
        "rename" => entry.names = names_of(&posted.form)?,
        "retire" => entry.retired = true,
        "restore" => entry.retired = false,
        _ => return Err(PageError::BadRequest),
    }
    crate::categories::save(storage, &list).await?;
    staff::record(storage, now_ms(), &posted.staff.username, &format!("category-{action}"), &id, "").await?;
    Ok(see_other("/dashboard/categories"))
}

/// The audit page's query.
#[derive(Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    page: Option<u32>,
}

/// `GET /dashboard/audit`.
pub async fn audit(
    State(state): State<AppState>,
    lang: Lang,
    staff: Staff,
    Query(query): Query<AuditQuery>,
) -> Result<Response, PageError> {
    staff.require(Role::Admin)?;
    const PER_PAGE: u32 = 100;
    let page_no = query.page.unwrap_or(1).max(1);
    let (entries, total) = state.storage.audit_log(PER_PAGE, (page_no - 1) * PER_PAGE).await?;
    let pages = total.div_ceil(u64::from(PER_PAGE)).max(1) as u32;
    let body = html! {
        div.scroll role="region" aria-label=(lang.t("dash-audit-title")) tabindex="0" {
            table {
                caption { (lang.t("dash-audit-title")) }
                thead { tr {
                    th scope="col" { (lang.t("dash-audit-when")) }
                    th scope="col" { (lang.t("dash-audit-who")) }
                    th scope="col" { (lang.t("dash-audit-what")) }
                    th scope="col" { (lang.t("dash-audit-target")) }
                    th scope="col" { (lang.t("dash-audit-detail")) }
                } }
                tbody {
                    @for e in &entries {
                        tr {
                            td { (datetime(e.at)) }
                            th scope="row" { (e.actor) }
                            td { (e.action) }
                            td { (e.target) }
                            td { (e.detail) }
                        }
                    }
                }
            }
        }
        @if pages > 1 {
            nav.pager aria-label=(lang.t("dash-pages")) {
                @if page_no > 1 { a href={ "/dashboard/audit?page=" (page_no - 1) } { (lang.t("dash-page-previous")) } }
                span { (lang.ta("dash-page-of", &[("page", Arg::Number(page_no.into())), ("pages", Arg::Number(pages.into()))])) }
                @if page_no < pages { a href={ "/dashboard/audit?page=" (page_no + 1) } { (lang.t("dash-page-next")) } }
            }
        }
    };
    Ok(page(lang, &lang.t("dash-audit-title"), "/dashboard/audit", Some(&staff), body).into_response())
}

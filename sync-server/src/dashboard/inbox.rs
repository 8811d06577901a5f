//! The inbox pages: the list of sent submissions with filters, search and pages (from the index,
//! never loading documents), one submission with its photos, voice note, place and conversation,
//! and the forms to answer and assign it. Attachments are read from the author's blob scope
//! (`FsBlobs::read`) and served with the type their bytes show, never a type anyone claimed.

use axum::{
    body::Body,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
};
use maud::{Markup, html};
use mcommunity_core::{
    answer::{self, AnswerStatus},
    blobs::BlobHash,
    categories::CategoryList,
    i18n::Arg,
    ids::{DocId, ProfileId},
    media, places,
    submission::SubmissionKind,
    sync::Scope,
};
use serde::Deserialize;

use super::{
    page::{csrf, datetime, page, parse_date, when},
    see_other,
    web::{Lang, PageError, Posted, Staff},
};
use crate::{
    AppState,
    answers::{AnswerError, StaffAction},
    now_ms,
    storage::{
        dashboard::{InboxFilter, Role},
        load_doc,
    },
};

/// Submissions per inbox page.
pub const PAGE_SIZE: u32 = 50;

/// The inbox's query string.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct InboxQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    /// Empty: anyone; `-`: no one; else a username.
    #[serde(default)]
    assigned: String,
    #[serde(default)]
    voice: String,
    #[serde(default)]
    photo: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

impl InboxQuery {
    fn filter(&self) -> InboxFilter {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        InboxFilter {
            status: some(&self.status),
            category: some(&self.category),
            kind: some(&self.kind),
            from: parse_date(&self.from),
            until: parse_date(&self.until).map(|d| d + 86_400_000),
            assigned_to: match self.assigned.trim() {
                "" => None,
                "-" => Some(String::new()),
                who => Some(who.to_owned()),
            },
            has_voice: !self.voice.is_empty(),
            has_photo: !self.photo.is_empty(),
            search: some(&self.q),
        }
    }

    /// This query string on another page.
    fn at_page(&self, page: u32) -> String {
        let pairs = [
            ("status", &self.status),
            ("category", &self.category),
            ("kind", &self.kind),
            ("from", &self.from),
            ("until", &self.until),
            ("assigned", &self.assigned),
            ("voice", &self.voice),
            ("photo", &self.photo),
            ("q", &self.q),
        ];
        let mut out: Vec<(&str, String)> =
            pairs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, (*v).clone())).collect();
        out.push(("page", page.to_string()));
        serde_urlencoded::to_string(out).unwrap_or_default()
    }
}

/// A category's name in `locale`: from the municipality's list, else the starting list's message.
pub fn category_name(list: &CategoryList, id: &str, lang: Lang) -> String {
    if id.is_empty() {
        return lang.t("dash-category-none");
    }
    list.name_of(id, lang.0).map(str::to_owned).unwrap_or_else(|| id.to_owned())
}

/// A status's name.
pub fn status_name(status: &str, lang: Lang) -> String {
    lang.t(&format!("dash-status-{status}"))
}

/// A kind's name.
pub fn kind_name(kind: &str, lang: Lang) -> String {
    lang.t(&format!("dash-kind-{kind}"))
}

/// A village's name (a proper noun, the same in every language).
pub fn village_name(id: &str) -> String {
    places::village(id).map(|v| v.name.to_owned()).unwrap_or_else(|| id.to_owned())
}

pub(super) fn select(lang: Lang, id: &str, label: &str, current: &str, options: Vec<(String, String)>) -> Markup {
    html! {
        div {
            label for=(id) { (label) }
            select #(id) name=(id) {
                option value="" selected[current.is_empty()] { (lang.t("dash-filter-any")) }
                @for (value, name) in options {
                    option value=(value) selected[current == value] { (name) }
                }
            }
        }
    }
}

/// `GET /dashboard`: the inbox.
pub async fn list(
    State(state): State<AppState>,
    lang: Lang,
    staff: Staff,
    Query(query): Query<InboxQuery>,
) -> Result<Response, PageError> {
    let storage = &*state.storage;
    let page_no = query.page.unwrap_or(1).max(1);
    let (rows, total) = storage.inbox(&query.filter(), PAGE_SIZE, (page_no - 1) * PAGE_SIZE).await?;
    let categories = crate::categories::ensure(storage).await?;
    let people = storage.list_staff().await?;
    let pages = total.div_ceil(u64::from(PAGE_SIZE)).max(1) as u32;
    let body = html! {
        form method="get" action="/dashboard" {
            fieldset {
                legend { (lang.t("dash-filters")) }
                div.filters {
                    div {
                        label for="q" { (lang.t("dash-filter-search")) }
                        input #q name="q" type="search" value=(query.q);
                    }
                    (select(lang, "status", &lang.t("dash-filter-status"), &query.status,
                        AnswerStatus::ALL.iter().map(|s| (s.as_str().to_owned(), status_name(s.as_str(), lang))).collect()))
                    (select(lang, "category", &lang.t("dash-filter-category"), &query.category,
                        categories.items.iter().map(|c| (c.id.clone(), category_name(&categories, &c.id, lang))).collect()))
                    (select(lang, "kind", &lang.t("dash-filter-kind"), &query.kind,
                        SubmissionKind::ALL.iter().map(|k| (k.as_str().to_owned(), kind_name(k.as_str(), lang))).collect()))
                    (select(lang, "assigned", &lang.t("dash-filter-assigned"), &query.assigned,
                        std::iter::once(("-".to_owned(), lang.t("dash-assigned-nobody")))
                            .chain(people.iter().map(|p| (p.username.clone(), p.username.clone()))).collect()))
                    div {
                        label for="from" { (lang.t("dash-filter-from")) }
                        input #from name="from" type="date" value=(query.from);
                    }
                    div {
                        label for="until" { (lang.t("dash-filter-until")) }
                        input #until name="until" type="date" value=(query.until);
                    }
                    div {
                        label.check { input type="checkbox" name="voice" value="1" checked[!query.voice.is_empty()]; (lang.t("dash-filter-voice")) }
                        label.check { input type="checkbox" name="photo" value="1" checked[!query.photo.is_empty()]; (lang.t("dash-filter-photo")) }
                    }
                }
                div.actions { button type="submit" { (lang.t("dash-filter-apply")) } }
            }
        }
        p role="status" { (lang.ta("dash-inbox-count", &[("count", Arg::Number(total as i64))])) }
        @if !rows.is_empty() {
            div.scroll role="region" aria-label=(lang.t("dash-inbox-table")) tabindex="0" {
                table {
                    caption { (lang.t("dash-inbox-table")) }
                    thead { tr {
                        th scope="col" { (lang.t("dash-col-sent")) }
                        th scope="col" { (lang.t("dash-col-title")) }
                        th scope="col" { (lang.t("dash-col-category")) }
                        th scope="col" { (lang.t("dash-col-kind")) }
                        th scope="col" { (lang.t("dash-col-status")) }
                        th scope="col" { (lang.t("dash-col-assigned")) }
                    } }
                    tbody {
                        @for row in &rows {
                            tr {
                                td { (datetime(row.sent_at)) }
                                th.wrap scope="row" {
                                    a href={ "/dashboard/submissions/" (row.id) } { (summary_title(&row.title, &row.text, lang)) }
                                    @if row.has_photo { " " span.pill { (lang.t("dash-has-photo")) } }
                                    @if row.has_voice { " " span.pill { (lang.t("dash-has-voice")) } }
                                }
                                td { (category_name(&categories, &row.category, lang)) }
                                td { (kind_name(&row.kind, lang)) }
                                td { (status_name(&row.status, lang)) }
                                td { (row.assigned_to.clone().unwrap_or_else(|| lang.t("dash-assigned-nobody"))) }
                            }
                        }
                    }
                }
            }
        }
        @if pages > 1 {
            nav.pager aria-label=(lang.t("dash-pages")) {
                @if page_no > 1 { a href={ "/dashboard?" (query.at_page(page_no - 1)) } { (lang.t("dash-page-previous")) } }
                span { (lang.ta("dash-page-of", &[("page", Arg::Number(page_no.into())), ("pages", Arg::Number(pages.into()))])) }
                @if page_no < pages { a href={ "/dashboard?" (query.at_page(page_no + 1)) } { (lang.t("dash-page-next")) } }
            }
        }
    };
    Ok(page(lang, &lang.t("dash-inbox-title"), "/dashboard", Some(&staff), body).into_response())
}

/// What the list shows for a submission: its title, else the start of its text, else a word.
fn summary_title(title: &str, text: &str, lang: Lang) -> String {
    let title = title.trim();
    if !title.is_empty() {
        return title.to_owned();
    }
    let text: String = text.trim().chars().take(60).collect();
    if text.is_empty() { lang.t("dash-untitled") } else { text }
}

fn parse_id(id: &str) -> Result<DocId, PageError> {
    id.parse().map_err(|_| PageError::NotFound)
}

/// `GET /dashboard/submissions/{id}`.
pub async fn detail(
    State(state): State<AppState>,
    lang: Lang,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    detail_page(&state, lang, staff, parse_id(&id)?, None).await
}

/// A request's page; with `typed`, the answer form shows what the clerk typed and why it was not
/// taken, next to the field (nothing they wrote is lost).
async fn detail_page(
    state: &AppState,
    lang: Lang,
    staff: Staff,
    id: DocId,
    typed: Option<&AnswerForm>,
) -> Result<Response, PageError> {
    let storage = &*state.storage;
    let indexed = storage.indexed(id).await?.ok_or(PageError::NotFound)?;
    let sub = crate::inbox::sent(storage, id).await?.ok_or(PageError::NotFound)?;
    let answer = match load_doc(storage, answer::doc_id(id)).await? {
        Some(doc) => answer::read(&doc).ok(),
        None => None,
    };
    let categories = crate::categories::ensure(storage).await?;
    let people = storage.list_staff().await?;
    // The conversation: the resident's messages and the municipality's replies, oldest first.
    let mut conversation: Vec<(i64, bool, String, String)> =
        sub.messages.iter().map(|m| (m.at, false, lang.t("dash-resident"), m.text.clone())).collect();
    if let Some(a) = &answer {
        conversation.extend(a.replies.iter().map(|r| (r.at, true, r.by.clone(), r.text.clone())));
    }
    conversation.sort_by_key(|c| c.0);
    let current = typed
        .and_then(|t| t.status.parse().ok())
        .unwrap_or_else(|| answer.as_ref().map(|a| a.status).unwrap_or(AnswerStatus::Received));
    let expected = match typed {
        Some(t) => t.expected.clone(),
        None => answer.as_ref().and_then(|a| a.expected.clone()).unwrap_or_default(),
    };
    let reply = typed.map(|t| t.reply.clone()).unwrap_or_default();
    let date_error = typed.is_some();
    let title = summary_title(&sub.title, &sub.text, lang);
    let path = format!("/dashboard/submissions/{id}");
    let body = html! {
        dl.facts {
            dt { (lang.t("dash-col-sent")) } dd { (when(indexed.sent_at)) }
            dt { (lang.t("dash-col-kind")) } dd { (kind_name(sub.kind.as_str(), lang)) }
            dt { (lang.t("dash-col-category")) } dd { (category_name(&categories, sub.category.as_deref().unwrap_or(""), lang)) }
            dt { (lang.t("dash-col-status")) } dd { (status_name(current.as_str(), lang)) }
            dt { (lang.t("dash-expected")) } dd { @if expected.is_empty() { "—" } @else { (expected) } }
            dt { (lang.t("dash-col-assigned")) } dd { (indexed.assigned_to.clone().unwrap_or_else(|| lang.t("dash-assigned-nobody"))) }
            dt { (lang.t("dash-location")) }
            dd {
                @if let Some(loc) = &sub.location {
                    span.nowrap { (village_name(&loc.village)) } " (" (format!("{:.5}, {:.5}", loc.lat, loc.lon)) ") "
                    a href=(format!("https://www.openstreetmap.org/?mlat={:.5}&mlon={:.5}#map=17/{:.5}/{:.5}", loc.lat, loc.lon, loc.lat, loc.lon)) rel="noreferrer noopener" {
                        (lang.t("dash-location-map"))
                    }
                } @else { (lang.t("dash-location-none")) }
            }
            @if let Some(helped) = &sub.assisted {
                dt { (lang.t("dash-assisted")) }
                dd {
                    (lang.ta("dash-assisted-by", &[("name", Arg::Text(&helped.name))]))
                    @match helped.consent.map(|c| c.by) {
                        Some(mcommunity_core::session::ConsentBy::Tap) => { "; " (lang.t("dash-consent-tap")) }
                        Some(mcommunity_core::session::ConsentBy::Voice) => { "; " (lang.t("dash-consent-voice")) }
                        None => {}
                    }
                    @if helped.withdrawn_at.is_some() { "; " (lang.t("dash-consent-withdrawn")) }
                }
            }
        }
        h2 { (lang.t("dash-text")) }
        @if sub.text.trim().is_empty() { p { (lang.t("dash-text-none")) } } @else { div.resident-text { (sub.text) } }
        @if !sub.photos.is_empty() {
            h2 { (lang.t("dash-photos")) }
            div.photos {
                @for n in 0..sub.photos.len() {
                    img src={ (path) "/photo/" (n) } alt=(lang.ta("dash-photo-alt", &[("n", Arg::Number(n as i64 + 1))])) loading="lazy";
                }
            }
        }
        @if let Some(voice) = &sub.voice {
            h2 { (lang.t("dash-voice")) }
            p { (lang.ta("dash-voice-length", &[("seconds", Arg::Number(voice.seconds.into()))])) }
            audio controls preload="none" src={ (path) "/voice" } aria-label=(lang.t("dash-voice")) {
                a href={ (path) "/voice" } { (lang.t("dash-voice-download")) }
            }
        }
        h2 { (lang.t("dash-conversation")) }
        @if conversation.is_empty() { p { (lang.t("dash-conversation-empty")) } }
        @else {
            ol.conversation {
                @for (at, from_staff, who, text) in &conversation {
                    li.staff[*from_staff] {
                        p { strong { (who) } " · " (when(*at)) }
                        div.resident-text { (text) }
                    }
                }
            }
        }
        @if staff.role.may_act() {
            h2 #answer-heading { (lang.t("dash-answer")) }
            form method="post" action={ (path) "/answer" } aria-labelledby="answer-heading" {
                (csrf(&staff))
                label for="status" { (lang.t("dash-col-status")) }
                select #status name="status" {
                    @for s in AnswerStatus::ALL {
                        option value=(s.as_str()) selected[s == current] { (status_name(s.as_str(), lang)) }
                    }
                }
                label for="expected" { (lang.t("dash-expected")) }
                @if date_error {
                    p #expected-error .error role="alert" { (lang.t("dash-expected-invalid")) }
                    input #expected name="expected" type="date" value=(expected) aria-invalid="true" aria-describedby="expected-error";
                } @else {
                    input #expected name="expected" type="date" value=(expected);
                }
                label for="reply" { (lang.t("dash-reply")) }
                textarea #reply name="reply" maxlength="4000" { (reply) }
                div.actions { button type="submit" { (lang.t("dash-answer-send")) } }
            }
            h2 #assign-heading { (lang.t("dash-assign")) }
            form method="post" action={ (path) "/assign" } aria-labelledby="assign-heading" {
                (csrf(&staff))
                label for="to" { (lang.t("dash-assign-to")) }
                select #to name="to" {
                    option value="" selected[indexed.assigned_to.is_none()] { (lang.t("dash-assigned-nobody")) }
                    @for p in people.iter().filter(|p| p.role.may_act()) {
                        option value=(p.username) selected[indexed.assigned_to.as_deref() == Some(p.username.as_str())] { (p.username) }
                    }
                }
                div.actions { button type="submit" { (lang.t("dash-assign-save")) } }
            }
        }
        p { a href="/dashboard" { (lang.t("dash-back-to-inbox")) } }
    };
    let mut response = page(lang, &title, &path, Some(&staff), body).into_response();
    if typed.is_some() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// The answer form.
#[derive(Deserialize)]
pub struct AnswerForm {
    status: String,
    #[serde(default)]
    expected: String,
    #[serde(default)]
    reply: String,
}

/// `POST /dashboard/submissions/{id}/answer`.
pub async fn answer(
    State(state): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    posted: Posted<AnswerForm>,
) -> Result<Response, PageError> {
    posted.staff.require(Role::Clerk)?;
    let id = parse_id(&id)?;
    let form = posted.form;
    let status: AnswerStatus = form.status.parse().map_err(|_| PageError::BadRequest)?;
    let by = lang.ta("dash-reply-by", &[("name", Arg::Text(&posted.staff.username))]);
    let expected = Some(form.expected.trim()).filter(|s| !s.is_empty());
    let action = StaffAction { by: &by, status, expected, reply: Some(form.reply.as_str()) };
    match crate::inbox::answer(&*state.storage, &posted.staff.username, id, &action, now_ms()).await {
        Ok(()) => Ok(see_other(&format!("/dashboard/submissions/{id}"))),
        Err(AnswerError::NotFound) => Err(PageError::NotFound),
        Err(AnswerError::BadDate) => detail_page(&state, lang, posted.staff.clone(), id, Some(&form)).await,
        Err(AnswerError::Storage(e)) => Err(e.into()),
    }
}

/// The assign form.
#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    to: String,
}

/// `POST /dashboard/submissions/{id}/assign`.
pub async fn assign(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<AssignForm>,
) -> Result<Response, PageError> {
    posted.staff.require(Role::Clerk)?;
    let id = parse_id(&id)?;
    let to = Some(posted.form.to.trim()).filter(|s| !s.is_empty());
    if !crate::inbox::assign(&*state.storage, &posted.staff.username, id, to, now_ms()).await? {
        return Err(PageError::BadRequest);
    }
    Ok(see_other(&format!("/dashboard/submissions/{id}")))
}

/// The bytes of a blob in `author`'s scope (where a sent submission's attachments live).
async fn read_blob(state: &AppState, author: ProfileId, hash: BlobHash) -> Result<Option<Vec<u8>>, PageError> {
    let blobs = state.blobs.clone();
    tokio::task::spawn_blocking(move || blobs.read(hash, Scope::Profile(author)))
        .await
        .map_err(|e| PageError::Internal(crate::storage::StorageError::Database(format!("blob read: {e}"))))?
        .map_err(|e| PageError::Internal(crate::storage::StorageError::Database(format!("blob folder: {e}"))))
}

/// An attachment, typed by its bytes. A single byte range is answered with just those bytes (206):
/// browsers find a voice note's length and let the clerk skip through it that way.
fn media_response(bytes: Vec<u8>, request: &HeaderMap) -> Result<Response, PageError> {
    let kind = media::sniff(&bytes).ok_or(PageError::NotFound)?;
    let total = bytes.len();
    let range = request.get(header::RANGE).and_then(|v| v.to_str().ok()).and_then(|v| byte_range(v, total));
    let mut response = match range {
        Some((start, end)) => {
            let mut partial = Response::new(Body::from(bytes[start..=end].to_vec()));
            *partial.status_mut() = axum::http::StatusCode::PARTIAL_CONTENT;
            let content_range = format!("bytes {start}-{end}/{total}");
            partial
                .headers_mut()
                .insert(header::CONTENT_RANGE, HeaderValue::from_str(&content_range).expect("ASCII digits"));
            partial
        }
        None => Response::new(Body::from(bytes)),
    };
    let headers = response.headers_mut();
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind.mime()));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=3600"));
    Ok(response)
}

/// The first and last byte of a `Range: bytes=…` header's one range within `total` bytes; `None`
/// for anything else (several ranges, a range past the end), which gets the whole file.
fn byte_range(header: &str, total: usize) -> Option<(usize, usize)> {
    let spec = header.strip_prefix("bytes=")?;
    if spec.contains(',') || total == 0 {
        return None;
    }
    let (first, last) = spec.split_once('-')?;
    let (start, end) = match (first.trim(), last.trim()) {
        ("", suffix) => {
            let n: usize = suffix.parse().ok()?;
            (total.checked_sub(n.min(total))?, total - 1)
        }
        (start, "") => (start.parse().ok()?, total - 1),
        (start, end) => (start.parse().ok()?, end.parse::<usize>().ok()?.min(total - 1)),
    };
    (start <= end && start < total).then_some((start, end))
}

/// `GET /dashboard/submissions/{id}/photo/{n}`.
pub async fn photo(
    State(state): State<AppState>,
    _staff: Staff,
    Path((id, n)): Path<(String, usize)>,
    request: HeaderMap,
) -> Result<Response, PageError> {
    let sub = crate::inbox::sent(&*state.storage, parse_id(&id)?).await?.ok_or(PageError::NotFound)?;
    let photo = sub.photos.get(n).ok_or(PageError::NotFound)?;
    let bytes = read_blob(&state, sub.profile, photo.hash).await?.ok_or(PageError::NotFound)?;
    media_response(bytes, &request)
}

/// `GET /dashboard/submissions/{id}/voice`.
pub async fn voice(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<String>,
    request: HeaderMap,
) -> Result<Response, PageError> {
    let sub = crate::inbox::sent(&*state.storage, parse_id(&id)?).await?.ok_or(PageError::NotFound)?;
    let voice = sub.voice.as_ref().ok_or(PageError::NotFound)?;
    let bytes = read_blob(&state, sub.profile, voice.hash).await?.ok_or(PageError::NotFound)?;
    media_response(bytes, &request)
}

#[cfg(test)]
mod tests {
    use super::byte_range;

    #[test]
    fn one_byte_range_is_read_and_anything_else_means_the_whole_file() {
        assert_eq!(byte_range("bytes=0-", 100), Some((0, 99)));
        assert_eq!(byte_range("bytes=10-19", 100), Some((10, 19)));
        assert_eq!(byte_range("bytes=90-500", 100), Some((90, 99)), "an end past the file is clamped");
        assert_eq!(byte_range("bytes=-30", 100), Some((70, 99)), "the last 30 bytes");
        assert_eq!(byte_range("bytes=-300", 100), Some((0, 99)));
        for whole in ["bytes=100-", "bytes=20-10", "bytes=0-1,5-6", "items=0-1", "bytes=x-", ""] {
            assert_eq!(byte_range(whole, 100), None, "{whole}");
        }
        assert_eq!(byte_range("bytes=0-", 0), None);
    }
}

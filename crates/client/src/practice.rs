//! Practise: the practice forms on the device, in the open profile's language where the real
//! service has it, and attempts at them — started, pages checked by the forms engine with its
//! problems counted per field in the profile's progress document, finished.
//!
//! What a person types into a practice form is never stored: practice may well involve their real
//! personal number. Only which fields were wrong, and how often, is kept (for the trainer's
//! report). The one-time SMS code of an attempt lives in memory for that attempt.

use std::collections::{BTreeMap, HashMap};

use mcommunity_core::{
    content::{
        Content,
        bundle::{NEXT_KEY, hint_key, service_step_key},
    },
    documents::DocKind,
    forms::{self, CheckContext, FieldKind, Form, rules::Date},
    i18n::Messages,
    ids::ProfileId,
    locale::Locale,
    progress,
};
use rand_core::{OsRng, RngCore};

use crate::{
    content,
    error::ClientError,
    learn,
    store::{Store, now_ms},
    view::{
        ChoiceOption, FieldProblem, FormFieldView, FormPageView, FormSummary, FormView, PageCheck, PracticeAttempt,
        SpokenText,
    },
};

/// Attempts in progress on this device: their form, profile and SMS code.
#[derive(Default)]
pub struct Sessions {
    open: HashMap<String, Session>,
}

struct Session {
    profile: ProfileId,
    form: String,
    otp: Option<String>,
}

/// Every practice form for `profile`, by id, with how often they practised it.
pub fn list(store: &Store, profile: ProfileId, locale: Locale) -> Result<Vec<FormSummary>, ClientError> {
    let record = learn::read_progress(store, profile)?;
    let mut out = Vec::new();
    for content in content::all(store, DocKind::Form)? {
        let form: Form = match content::body(&content) {
            Ok(form) => form,
            Err(e) => {
                tracing::warn!(form = %content.id, error = %e, "a form does not read; skipped");
                continue;
            }
        };
        let tries: Vec<_> = record.attempts.iter().filter(|a| a.form == form.id).collect();
        if content.retired && tries.is_empty() {
            continue;
        }
        let shown = form.locale_for(locale);
        out.push(FormSummary {
            id: form.id.clone(),
            country: form.country,
            portal: portal(&form),
            title: form.title.get(shown).to_owned(),
            summary: form.summary.get(shown).to_owned(),
            picture: content::picture(&content, Some(&form.picture)),
            locale: shown,
            languages: form.languages.clone(),
            attempts: tries.len() as u32,
            finished: tries.iter().any(|a| a.finished_at.is_some()),
        });
    }
    out.sort_by(|a, b| (a.country, &a.id).cmp(&(b.country, &b.id)));
    Ok(out)
}

/// One form, whole, in `locale` where the real service has it.
pub fn get(store: &Store, locale: Locale, id: &str) -> Result<FormView, ClientError> {
    let content = content::one(store, DocKind::Form, id)?;
    let form: Form = content::body(&content)?;
    Ok(view(&content, &form, form.locale_for(locale)))
}

fn view(content: &Content, form: &Form, shown: Locale) -> FormView {
    let spoken = |text: &forms::Texts, key: &str| SpokenText {
        text: text.get(shown).to_owned(),
        audio: content::audio(content, shown, key),
    };
    FormView {
        id: form.id.clone(),
        country: form.country,
        portal: portal(form),
        title: form.title.get(shown).to_owned(),
        summary: form.summary.get(shown).to_owned(),
        picture: content::picture(content, Some(&form.picture)),
        locale: shown,
        languages: form.languages.clone(),
        service_steps: form
            .service_steps
            .iter()
            .enumerate()
            .map(|(i, s)| spoken(&s.text, &service_step_key(i)))
            .collect(),
        pages: form
            .pages
            .iter()
            .enumerate()
            .map(|(p, page)| FormPageView {
                title: page.title.get(shown).to_owned(),
                fields: page
                    .fields
                    .iter()
                    .map(|field| FormFieldView {
                        id: field.id.clone(),
                        kind: field.kind,
                        label: field.label.get(shown).to_owned(),
                        hint: field.hint.as_ref().map(|h| h.get(shown).to_owned()).unwrap_or_default(),
                        hint_audio: content::audio(content, shown, &hint_key(p, &field.id)),
                        required: field.required,
                        example: field.example.clone(),
                        options: field
                            .options
                            .iter()
                            .map(|o| ChoiceOption { value: o.value.clone(), label: o.label.get(shown).to_owned() })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        next: spoken(&form.next.text, NEXT_KEY),
    }
}

/// Starts an attempt at form `id` for `profile`; when the form asks for an SMS code, draws one.
pub fn start(
    store: &mut Store,
    sessions: &mut Sessions,
    profile: ProfileId,
    id: &str,
) -> Result<PracticeAttempt, ClientError> {
    let form: Form = content::body(&content::one(store, DocKind::Form, id)?)?;
    let attempt = mcommunity_core::ids::DocId::random().to_string();
    let otp = form.fields().any(|f| f.kind == FieldKind::Otp).then(|| format!("{:06}", OsRng.next_u32() % 1_000_000));
    learn::write_progress(store, profile, |doc| progress::start_attempt(doc, &attempt, id, now_ms()))?;
    sessions.open.insert(attempt.clone(), Session { profile, form: id.to_owned(), otp: otp.clone() });
    Ok(PracticeAttempt { attempt_id: attempt, otp })
}

/// Checks page `page` of an attempt: the problems, in `locale`, next to their fields; each field
/// with a problem counts one mistake in the profile's record.
#[allow(clippy::too_many_arguments)]
pub fn check_page(
    store: &mut Store,
    sessions: &Sessions,
    profile: ProfileId,
    locale: Locale,
    id: &str,
    attempt: &str,
    page: u32,
    values: &BTreeMap<String, String>,
) -> Result<PageCheck, ClientError> {
    let session = session(sessions, profile, id, attempt)?;
    let content = content::one(store, DocKind::Form, id)?;
    let form: Form = content::body(&content)?;
    if page as usize >= form.pages.len() {
        return Err(ClientError::NotFound);
    }
    let ctx = CheckContext { today: today(), otp: session.otp.clone() };
    let report = forms::check_page(&form, page as usize, values, &ctx);
    // Problems are said in the person's own language even when the form is shown in the
    // service's: they must understand what to fix.
    let problems: Vec<FieldProblem> = report
        .localize(Messages::embedded(), locale)
        .into_iter()
        .map(|(field, message)| FieldProblem { field, message })
        .collect();
    let wrong: Vec<&str> = report
        .problems
        .iter()
        .filter(|d| d.code.severity() == forms::report::Severity::Problem)
        .map(|d| d.field.as_str())
        .collect();
    if !wrong.is_empty() {
        learn::write_progress(store, profile, |doc| {
            progress::record_mistakes(doc, attempt, wrong.iter().copied());
        })?;
    }
    Ok(PageCheck { ok: report.passes(), problems })
}

/// Ends an attempt: it reached the "what happens next" page.
pub fn finish(
    store: &mut Store,
    sessions: &mut Sessions,
    profile: ProfileId,
    id: &str,
    attempt: &str,
) -> Result<(), ClientError> {
    session(sessions, profile, id, attempt)?;
    learn::write_progress(store, profile, |doc| {
        progress::finish_attempt(doc, attempt, now_ms());
    })?;
    sessions.open.remove(attempt);
    Ok(())
}

fn session<'a>(
    sessions: &'a Sessions,
    profile: ProfileId,
    form: &str,
    attempt: &str,
) -> Result<&'a Session, ClientError> {
    sessions.open.get(attempt).filter(|s| s.profile == profile && s.form == form).ok_or(ClientError::NotFound)
}

fn portal(form: &Form) -> String {
    match form.portal {
        forms::Portal::EAlbania => "e-albania",
        forms::Portal::EKosova => "e-kosova",
        forms::Portal::Uslugi => "uslugi",
        forms::Portal::Municipality => "municipality",
    }
    .to_owned()
}

/// Today's date on the device's clock (UTC; a practice form does not need the time zone).
fn today() -> Date {
    civil_date(now_ms().div_euclid(86_400_000))
}

/// The calendar date `days` days after 1970-01-01 (Howard Hinnant's days-to-civil algorithm).
fn civil_date(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date::new(year, month, day).expect("the algorithm yields real dates")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_dates() {
        let check = |days: i64, expect: (i32, u32, u32)| {
            assert_eq!(civil_date(days), Date::new(expect.0, expect.1, expect.2).unwrap(), "day {days}");
        };
        check(0, (1970, 1, 1));
        check(59, (1970, 3, 1));
        check(11_016, (2000, 2, 29));
        check(20_786, (2026, 11, 29));
        check(-1, (1969, 12, 31));
    }
}

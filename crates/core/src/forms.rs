//! Practice forms: safe copies of real e-government services (e-Albania, e-Kosova, uslugi.gov.mk,
//! a municipality) that a person fills in to learn, with the same checks the real service makes.
//!
//! A form is a TOML file under `lessons/forms/` ([`Form::from_toml`] reads it and refuses a
//! structurally broken one with a [`FormError`]); [`check_page`] and [`check_all`] check what a
//! person typed and return a [`report::Report`] of field diagnostics — validation is not failure,
//! so they never return `Err`. The checks themselves live in [`rules`] and [`crate::idnum`].
//!
//! ```
//! use std::collections::BTreeMap;
//! use mcommunity_core::forms::{self, CheckContext, Form, rules::Date};
//!
//! let form = Form::from_toml(r#"
//! id = "practice"
//! country = "al"
//! portal = "e-albania"
//! revision = 1
//! picture = "form-practice.svg"
//! languages = ["en"]
//! title.en = "Practice"
//! summary.en = "A small form."
//! service-steps = [{ text.en = "Open the service." }]
//! next.text.en = "The certificate would arrive."
//! [[pages]]
//! title.en = "You"
//! [[pages.fields]]
//! id = "nid"
//! kind = "personal-number"
//! country = "al"
//! required = true
//! label.en = "Personal number"
//! "#).unwrap();
//! let ctx = CheckContext { today: Date::new(2025, 6, 15).unwrap(), otp: None };
//! let values = BTreeMap::from([("nid".to_owned(), "J65101123".to_owned())]);
//! let report = forms::check_page(&form, 0, &values, &ctx);
//! assert_eq!(report.problems[0].code.message_id(), "form-id-wrong-length");
//! ```

pub mod report;
pub mod rules;

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt,
};

use serde::{Deserialize, Serialize};

use crate::{
    forms::{
        report::{Diagnostic, DiagnosticCode, Report},
        rules::{Date, When},
    },
    idnum::{self, Country},
    locale::Locale,
};

/// A practice form, as read from its TOML file. Every text holds exactly the form's
/// [`languages`](Form::languages), which are the languages the real service exists in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Form {
    /// Lowercase letters, digits and dashes; stable forever (progress refers to it).
    pub id: String,
    /// The country whose service this copies.
    pub country: Country,
    /// Where the real service lives.
    pub portal: Portal,
    /// Raised whenever the content changes.
    pub revision: u32,
    /// A `form-*.svg` file in `lessons/pictures/`.
    pub picture: String,
    /// The languages the real service exists in.
    pub languages: Vec<Locale>,
    /// The service's name.
    pub title: Texts,
    /// One or two sentences on what the service gives.
    pub summary: Texts,
    /// The real service's steps, as a resident meets them.
    pub service_steps: Vec<Step>,
    /// The pages of fields, in order.
    pub pages: Vec<Page>,
    /// The final page: what would happen next with the real service.
    pub next: Step,
}

/// The portal a service lives on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Portal {
    /// e-albania.al.
    EAlbania,
    /// eKosova.rks-gov.net.
    EKosova,
    /// uslugi.gov.mk.
    Uslugi,
    /// A municipality's own service.
    Municipality,
}

/// One text in each of the form's languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Texts(pub BTreeMap<Locale, String>);

impl Texts {
    /// The text in `locale`, else in English, else in the first language there is.
    pub fn get(&self, locale: Locale) -> &str {
        self.0
            .get(&locale)
            .or_else(|| self.0.get(&Locale::En))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
}

/// A step of the real service, or the closing "what happens next" text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What happens, in a sentence or two.
    pub text: Texts,
}

/// A page of fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// The page's heading.
    pub title: Texts,
    /// The fields, in order.
    pub fields: Vec<Field>,
}

/// What a field holds, and so how it is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// Free text, optionally `min-length`..=`max-length` characters.
    Text,
    /// A whole number, optionally `min`..=`max`.
    Number,
    /// A `YYYY-MM-DD` date, on the side of today that `when` says.
    Date,
    /// One of `options`.
    Choice,
    /// A personal number of `country` ([`crate::idnum`]).
    PersonalNumber,
    /// An Albanian mobile number.
    Phone,
    /// An e-mail address.
    Email,
    /// A new password (8–12 characters unless `min-length`/`max-length` say otherwise).
    Password,
    /// The six-digit code the service "sends" by SMS.
    Otp,
    /// A file to attach; practice only records that one was chosen.
    File,
}

impl FieldKind {
    /// The name used in form files.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Choice => "choice",
            FieldKind::PersonalNumber => "personal-number",
            FieldKind::Phone => "phone",
            FieldKind::Email => "email",
            FieldKind::Password => "password",
            FieldKind::Otp => "otp",
            FieldKind::File => "file",
        }
    }
}

impl fmt::Display for FieldKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One field of a page. Which of the optional rules may be set depends on the kind (see
/// [`FieldKind`]); [`Form::from_toml`] refuses a rule the kind does not take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Field {
    /// Lowercase letters, digits and dashes; unique in the form.
    pub id: String,
    /// What the field holds.
    pub kind: FieldKind,
    /// Whose personal number (personal-number only).
    pub country: Option<Country>,
    /// Whether an empty value is a problem.
    #[serde(default)]
    pub required: bool,
    /// Fewest characters (text, password).
    pub min_length: Option<u32>,
    /// Most characters (text, password).
    pub max_length: Option<u32>,
    /// Smallest number (number).
    pub min: Option<i64>,
    /// Largest number (number).
    pub max: Option<i64>,
    /// Which side of today (date; default any).
    pub when: Option<When>,
    /// The choices (choice only).
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// The field's label.
    pub label: Texts,
    /// Where to find the information, in a sentence.
    pub hint: Option<Texts>,
    /// A fictional example value, the same in every language; it must pass the field's checks.
    pub example: Option<String>,
}

/// One option of a choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// What is stored when chosen; lowercase letters, digits and dashes.
    pub value: String,
    /// What the person reads.
    pub label: Texts,
}

/// A form file that cannot be used: it does not parse, or its structure is wrong. Content
/// authors read these, so each names the place.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormError {
    /// Not TOML, or not the shape of a form (unknown key, unknown kind, wrong type).
    #[error("form file does not parse: {0}")]
    Parse(String),
    /// An id with characters other than lowercase letters, digits and dashes.
    #[error("{place}: id {id:?} must be lowercase letters, digits and dashes")]
    BadId {
        /// Which id.
        place: String,
        /// The id as written.
        id: String,
    },
    /// `languages` is empty.
    #[error("the form must list at least one language")]
    NoLanguages,
    /// A language listed twice.
    #[error("language {0} is listed twice")]
    DuplicateLanguage(Locale),
    /// A text lacks one of the form's languages, or is empty in it.
    #[error("{place}: text missing in {locale}")]
    MissingText {
        /// Which text.
        place: String,
        /// The missing language.
        locale: Locale,
    },
    /// A text in a language the form does not list.
    #[error("{place}: text in {locale}, which the form's languages do not list")]
    ExtraText {
        /// Which text.
        place: String,
        /// The extra language.
        locale: Locale,
    },
    /// `revision` is 0.
    #[error("revision must be 1 or more")]
    BadRevision,
    /// `picture` is not a plain `form-*.svg` file name.
    #[error("picture {0:?} must be a file name like form-something.svg")]
    BadPicture(String),
    /// No service steps.
    #[error("the form must describe the real service's steps")]
    NoServiceSteps,
    /// No pages.
    #[error("the form has no pages")]
    NoPages,
    /// A page without fields (pages count from 1).
    #[error("page {0} has no fields")]
    EmptyPage(usize),
    /// Two fields share an id.
    #[error("field {0:?} appears twice")]
    DuplicateField(String),
    /// A rule the field's kind does not take, such as `options` on a text field.
    #[error("field {field:?}: a {kind} field does not take {rule}")]
    RuleNotForKind {
        /// The field.
        field: String,
        /// Its kind.
        kind: FieldKind,
        /// The rule's key in the file.
        rule: &'static str,
    },
    /// A choice with no options.
    #[error("field {0:?}: a choice needs options")]
    ChoiceWithoutOptions(String),
    /// Two options of a choice share a value.
    #[error("field {field:?}: option {value:?} appears twice")]
    DuplicateOption {
        /// The field.
        field: String,
        /// The repeated value.
        value: String,
    },
    /// A personal-number field that does not say whose.
    #[error("field {0:?}: a personal-number field needs a country")]
    MissingCountry(String),
    /// `min` above `max`, or `min-length` above `max-length`.
    #[error("field {0:?}: the lower limit is above the upper one")]
    BadRange(String),
    /// A phone field in a form of a country other than Albania; only Albanian mobiles are checked.
    #[error("field {0:?}: phone fields check Albanian mobile numbers, so the form's country must be al")]
    PhoneOutsideAlbania(String),
}

impl Form {
    /// Reads and checks a form file.
    ///
    /// # Errors
    /// [`FormError::Parse`] when the TOML or its shape is wrong, else the first structural
    /// problem found.
    pub fn from_toml(source: &str) -> Result<Form, FormError> {
        let form: Form = toml::from_str(source).map_err(|e| FormError::Parse(e.to_string()))?;
        form.check_structure()?;
        Ok(form)
    }

    /// Every field of every page, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.pages.iter().flat_map(|p| &p.fields)
    }

    /// The language to show this form in for a person whose UI speaks `wanted`: that language if
    /// the real service has it, else English if it has that, else the service's first language.
    pub fn locale_for(&self, wanted: Locale) -> Locale {
        [wanted, Locale::En].into_iter().find(|l| self.languages.contains(l)).unwrap_or(self.languages[0])
    }

    fn check_structure(&self) -> Result<(), FormError> {
        check_id("form id", &self.id)?;
        if self.revision == 0 {
            return Err(FormError::BadRevision);
        }
        let picture_ok = self.picture.strip_prefix("form-").and_then(|p| p.strip_suffix(".svg")).is_some_and(is_id);
        if !picture_ok {
            return Err(FormError::BadPicture(self.picture.clone()));
        }
        if self.languages.is_empty() {
            return Err(FormError::NoLanguages);
        }
        let languages: BTreeSet<Locale> = self.languages.iter().copied().collect();
        if let Some(twice) = self.languages.iter().find(|l| self.languages.iter().filter(|m| m == l).count() > 1) {
            return Err(FormError::DuplicateLanguage(*twice));
        }
        let texts = |place: &str, texts: &Texts| check_texts(&languages, place, texts);
        texts("title", &self.title)?;
        texts("summary", &self.summary)?;
        if self.service_steps.is_empty() {
            return Err(FormError::NoServiceSteps);
        }
        for (i, step) in self.service_steps.iter().enumerate() {
            texts(&format!("service step {}", i + 1), &step.text)?;
        }
        texts("next", &self.next.text)?;
        if self.pages.is_empty() {
            return Err(FormError::NoPages);
        }
        let mut ids = BTreeSet::new();
        for (i, page) in self.pages.iter().enumerate() {
            texts(&format!("page {} title", i + 1), &page.title)?;
            if page.fields.is_empty() {
                return Err(FormError::EmptyPage(i + 1));
            }
            for field in &page.fields {
                check_id("field id", &field.id)?;
                if !ids.insert(field.id.as_str()) {
                    return Err(FormError::DuplicateField(field.id.clone()));
                }
                self.check_field_structure(field, &languages)?;
            }
        }
        Ok(())
    }

    fn check_field_structure(&self, field: &Field, languages: &BTreeSet<Locale>) -> Result<(), FormError> {
        use FieldKind::*;
        let name = &field.id;
        check_texts(languages, &format!("field {name} label"), &field.label)?;
        if let Some(hint) = &field.hint {
            check_texts(languages, &format!("field {name} hint"), hint)?;
        }
        let not_for = |rule| Err(FormError::RuleNotForKind { field: name.clone(), kind: field.kind, rule });
        if field.country.is_some() && field.kind != PersonalNumber {
            return not_for("country");
        }
        if (field.min_length.is_some() || field.max_length.is_some()) && !matches!(field.kind, Text | Password) {
            return not_for("min-length or max-length");
        }
        if (field.min.is_some() || field.max.is_some()) && field.kind != Number {
            return not_for("min or max");
        }
        if field.when.is_some() && field.kind != Date {
            return not_for("when");
        }
        if !field.options.is_empty() && field.kind != Choice {
            return not_for("options");
        }
        let range_ok = |low: Option<i64>, high: Option<i64>| low.zip(high).is_none_or(|(low, high)| low <= high);
        if !range_ok(field.min_length.map(i64::from), field.max_length.map(i64::from))
            || !range_ok(field.min, field.max)
        {
            return Err(FormError::BadRange(name.clone()));
        }
        match field.kind {
            PersonalNumber if field.country.is_none() => return Err(FormError::MissingCountry(name.clone())),
            Phone if self.country != Country::Al => return Err(FormError::PhoneOutsideAlbania(name.clone())),
            Choice if field.options.is_empty() => return Err(FormError::ChoiceWithoutOptions(name.clone())),
            _ => {}
        }
        let mut values = BTreeSet::new();
        for option in &field.options {
            check_id(&format!("field {name} option"), &option.value)?;
            if !values.insert(option.value.as_str()) {
                return Err(FormError::DuplicateOption { field: name.clone(), value: option.value.clone() });
            }
            check_texts(languages, &format!("field {name} option {}", option.value), &option.label)?;
        }
        Ok(())
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_id(place: &str, id: &str) -> Result<(), FormError> {
    if is_id(id) { Ok(()) } else { Err(FormError::BadId { place: place.to_owned(), id: id.to_owned() }) }
}

fn check_texts(languages: &BTreeSet<Locale>, place: &str, texts: &Texts) -> Result<(), FormError> {
    if let Some(extra) = texts.0.keys().find(|l| !languages.contains(l)) {
        return Err(FormError::ExtraText { place: place.to_owned(), locale: *extra });
    }
    if let Some(missing) = languages.iter().find(|l| texts.0.get(l).is_none_or(|t| t.trim().is_empty())) {
        return Err(FormError::MissingText { place: place.to_owned(), locale: *missing });
    }
    Ok(())
}

/// What checking needs from outside the form: today's date (the core never reads the clock) and
/// the one-time code the practice "sent", if it sent one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckContext {
    /// Today, on the device.
    pub today: Date,
    /// The code an `otp` field must equal; with `None`, only its shape is checked.
    pub otp: Option<String>,
}

/// Checks the fields of page `page` (from 0) against `values` (field id → what was typed; a
/// missing id counts as empty). A page index past the end has no fields, so its report is empty.
pub fn check_page(form: &Form, page: usize, values: &BTreeMap<String, String>, ctx: &CheckContext) -> Report {
    let fields = form.pages.get(page).map_or(&[][..], |p| &p.fields);
    let problems = fields
        .iter()
        .filter_map(|field| check_field(field, values.get(&field.id).map_or("", String::as_str), ctx))
        .collect();
    Report { problems }
}

/// Checks every page, as the real service does before it accepts the request.
pub fn check_all(form: &Form, values: &BTreeMap<String, String>, ctx: &CheckContext) -> Report {
    let problems = (0..form.pages.len()).flat_map(|page| check_page(form, page, values, ctx).problems).collect();
    Report { problems }
}

/// Checks one field's value; `None` when it is fine. At most one diagnostic per field: the first
/// rule broken, since a beginner fixes one thing at a time.
pub fn check_field(field: &Field, value: &str, ctx: &CheckContext) -> Option<Diagnostic> {
    let id = field.id.as_str();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        let code = match field.kind {
            FieldKind::Choice => DiagnosticCode::ChooseOne,
            FieldKind::File => DiagnosticCode::FileMissing,
            _ => DiagnosticCode::Required,
        };
        return field.required.then(|| Diagnostic::new(id, code));
    }
    let problem = |code| Some(Diagnostic::new(id, code));
    match field.kind {
        FieldKind::Text => {
            let length = trimmed.chars().count() as i64;
            match (field.min_length, field.max_length) {
                (Some(min), _) if length < i64::from(min) => {
                    Some(Diagnostic::new(id, DiagnosticCode::TextTooShort).with_number("min", min.into()))
                }
                (_, Some(max)) if length > i64::from(max) => {
                    Some(Diagnostic::new(id, DiagnosticCode::TextTooLong).with_number("max", max.into()))
                }
                _ => None,
            }
        }
        FieldKind::Number => match trimmed.parse::<i64>() {
            Err(_) => problem(DiagnosticCode::NumberNotANumber),
            Ok(n) => match (field.min, field.max) {
                (Some(min), _) if n < min => {
                    Some(Diagnostic::new(id, DiagnosticCode::NumberTooSmall).with_number("min", min))
                }
                (_, Some(max)) if n > max => {
                    Some(Diagnostic::new(id, DiagnosticCode::NumberTooLarge).with_number("max", max))
                }
                _ => None,
            },
        },
        FieldKind::Date => rules::date(trimmed, field.when.unwrap_or_default(), ctx.today).err().and_then(problem),
        FieldKind::Choice => (!field.options.iter().any(|o| o.value == trimmed))
            .then(|| Diagnostic::new(id, DiagnosticCode::ChoiceUnknown)),
        FieldKind::PersonalNumber => {
            let country = field.country.expect("from_toml requires a country on personal-number fields");
            match idnum::check(country, trimmed) {
                Err(p) => Some(p.diagnostic(id, country)),
                Ok(n) if !n.check_confirmed => problem(DiagnosticCode::KosovoCheckUnconfirmed),
                Ok(_) => None,
            }
        }
        FieldKind::Phone => rules::albanian_mobile(trimmed).err().and_then(problem),
        FieldKind::Email => rules::email(trimmed).err().and_then(problem),
        FieldKind::Password => {
            let (min, max) =
                (field.min_length.unwrap_or(rules::PASSWORD_MIN), field.max_length.unwrap_or(rules::PASSWORD_MAX));
            rules::password(value, min, max).err().map(|code| {
                let d = Diagnostic::new(id, code);
                if code == DiagnosticCode::PasswordLength {
                    d.with_number("min", min.into()).with_number("max", max.into())
                } else {
                    d
                }
            })
        }
        FieldKind::Otp => rules::otp(trimmed, ctx.otp.as_deref()).err().and_then(problem),
        FieldKind::File => None,
    }
}

#[cfg(test)]
mod tests;
